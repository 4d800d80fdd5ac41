package dev.retrograd.demo.bench;

import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compiled graphs over shared parameters, one per part of a batch, replayed on as many threads: each
 * part computes its output and its gradients into its own buffer, then the outputs and the gradients
 * are summed in part order. With one part it replays on the calling thread.
 */
final class ParallelReplay implements AutoCloseable {

  private final CompiledGraph[] parts;
  private final int[][] slots;
  private final ExecutorService pool;
  private final List<Future<?>> running = new ArrayList<>();

  /** Takes over {@code parts}, whose parameters are {@code parameters}. */
  ParallelReplay(List<CompiledGraph> parts, Value[] parameters) {
    this.parts = parts.toArray(new CompiledGraph[0]);
    this.slots = new int[this.parts.length][parameters.length];
    for (int k = 0; k < this.parts.length; k++) {
      CompiledGraph part = this.parts[k];
      Set<Value> read = Collections.newSetFromMap(new IdentityHashMap<>());
      read.addAll(part.leaves());
      for (int i = 0; i < parameters.length; i++) {
        slots[k][i] = read.contains(parameters[i]) ? part.indexOf(parameters[i]) : -1;
      }
    }
    this.pool = this.parts.length == 1 ? null : Executors.newFixedThreadPool(this.parts.length - 1, task -> {
      Thread thread = new Thread(task, "bench-replay");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Replays every part's forward and backward pass and returns the sum of their outputs. */
  double forwardBackward() {
    running.clear();
    for (int k = 1; k < parts.length; k++) {
      CompiledGraph part = parts[k];
      running.add(pool.submit(() -> {
        part.forward();
        part.backwardToBuffer();
      }));
    }
    parts[0].forward();
    parts[0].backwardToBuffer();
    Parts.awaitAll(running);
    double total = 0;
    for (CompiledGraph part : parts) {
      total += part.valueAt(outputSlot(part));
    }
    return total;
  }

  private static int outputSlot(CompiledGraph part) {
    return part.outputIndex();
  }

  /** Returns the gradient of parameter {@code i}, summed over the parts in order. */
  double gradient(int i) {
    double sum = 0;
    for (int k = 0; k < parts.length; k++) {
      int slot = slots[k][i];
      if (slot >= 0) {
        sum += parts[k].gradientAt(slot);
      }
    }
    return sum;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
