package dev.retrograd.demo;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import dev.retrograd.demo.data.Dataset;
import dev.retrograd.demo.data.Moons;
import dev.retrograd.nn.Mlp;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * micrograd's demo, end to end: a 2-16-16-1 ReLU network learns to separate 100 two-moons points.
 *
 * <p>Each step is the four phases of training on the full batch: forward (a score per point),
 * loss (the mean max-margin loss relu(1 − y·score) plus 1e-4·Σp²), backward (the chain rule from
 * the loss to all 337 parameters) and update (SGD with learning rate 1.0 − 0.9·k/100 at step k).
 */
public final class MoonsDemo {

  /** ReLU, until the activation plugins provide it. */
  static final Activation RELU = new Activation() {
    @Override
    public double apply(double x) {
      return Math.max(x, 0.0);
    }

    @Override
    public double derivative(double x, double y) {
      return x > 0 ? 1 : 0;
    }
  };

  private static final double ALPHA = 1e-4;

  /** The loss and accuracy of one step, measured before its update. */
  public record Step(int step, double loss, double accuracy, double learningRate) {}

  private final Dataset data;
  private final Mlp model;

  /** Creates the demo's data and model from {@code seed}. */
  public MoonsDemo(long seed) {
    this.data = Moons.generate(100, 0.1, seed);
    this.model = new Mlp(2, new int[] {16, 16, 1}, RELU, new SplittableRandom(seed));
  }

  /** Returns the network being trained. */
  public Mlp model() {
    return model;
  }

  /** Runs one full-batch step {@code k} of {@code steps} and returns its loss and accuracy. */
  public Step step(int k, int steps) {
    int n = data.size();
    Value[] losses = new Value[n];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      double[] point = data.features()[i];
      double y = data.labels()[i] * 2 - 1;
      Value score = model.call(Value.of(point[0]), Value.of(point[1]))[0];
      losses[i] = score.mul(-y).add(1).relu();
      correct += (score.data() > 0) == (y > 0) ? 1 : 0;
    }
    List<Value> parameters = model.parameters();
    Value[] p = parameters.toArray(new Value[0]);
    Value loss = Value.sum(losses).div(n).add(Value.dot(p, p).mul(ALPHA));

    model.zeroGrad();
    loss.backward();
    double learningRate = 1.0 - 0.9 * k / steps;
    for (Value parameter : parameters) {
      parameter.setData(parameter.data() - learningRate * parameter.grad());
    }
    return new Step(k, loss.data(), (double) correct / n, learningRate);
  }

  /** Trains for {@code steps} steps, printing one line per step, and returns the last step. */
  public Step train(int steps, PrintStream out) {
    out.printf("micrograd demo: 100 two-moons points, MLP 2-16-16-1 (ReLU), %d parameters, SGD, %d steps%n",
        model.parameters().size(), steps);
    Step last = null;
    for (int k = 0; k < steps; k++) {
      last = step(k, steps);
      out.printf("step %3d  loss %.6f  accuracy %5.1f%%  lr %.3f%n",
          last.step(), last.loss(), 100 * last.accuracy(), last.learningRate());
    }
    out.printf("after training: accuracy %.1f%% on the %d points%n", 100 * accuracy(), data.size());
    return last;
  }

  /** Returns the fraction of points whose score has the sign of their label. */
  public double accuracy() {
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      double[] point = data.features()[i];
      double score = model.call(Value.of(point[0]), Value.of(point[1]))[0].data();
      if ((score > 0) == (data.labels()[i] == 1)) {
        correct++;
      }
    }
    return (double) correct / data.size();
  }
}
