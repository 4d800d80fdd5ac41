package dev.retrograd.demo.bench;

import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A moons variant replayed from compiled graphs: the graph of a {@link GraphTrainer}, compiled once
 * with {@link Value#compile}, then each step a forward and a backward replay and the SGD update. On
 * one thread the numbers are the eager variant's, bit for bit; on N threads the points are cut into
 * N parts, one compiled graph each, whose gradients are summed in part order.
 */
final class CompiledMoons implements Trainer {

  private final GraphTrainer graph;
  private final String name;
  private final ParallelReplay replay;
  private final int nodes;

  CompiledMoons(GraphTrainer graph, String name, int threads) {
    this.graph = graph;
    this.name = name;
    graph.reset();
    int n = graph.points.length;
    List<CompiledGraph> parts = new ArrayList<>();
    int nodeCount = 0;
    for (int k = 0; k < threads; k++) {
      int from = k * n / threads;
      int to = (k + 1) * n / threads;
      CompiledGraph part = Value.compile(graph.loss(from, to, k == 0), graph.inputLeaves(from, to));
      parts.add(part);
      nodeCount += part.opCount() + part.leafCount();
    }
    this.nodes = nodeCount;
    this.replay = new ParallelReplay(parts, graph.parameters);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    graph.reset();
  }

  @Override
  public double step(int k) {
    double loss = replay.forwardBackward();
    double lr = MoonsTask.learningRate(k);
    Value[] parameters = graph.parameters;
    for (int i = 0; i < parameters.length; i++) {
      parameters[i].setData(parameters[i].data() - lr * replay.gradient(i));
    }
    return loss;
  }

  @Override
  public double[] parameters() {
    return graph.parameters();
  }

  /** Returns the compiled ops and the leaves they read, over all parts. */
  @Override
  public int nodesPerStep() {
    return nodes;
  }
}
