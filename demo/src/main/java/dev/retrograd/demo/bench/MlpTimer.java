package dev.retrograd.demo.bench;

import java.lang.management.ManagementFactory;

/**
 * Times the steps of an {@link MlpTask} trainer: steps for a warm-up time, then steps each timed by
 * {@link System#nanoTime()} for a measuring time, with the bytes the calling thread allocated over
 * them; then a check run of {@value #CHECK_STEPS} steps from the initial weights, whose final loss and
 * parameters the benchmark compares across variants.
 */
final class MlpTimer {

  private static final int CHECK_STEPS = 20;
  private static final int MAX_STEPS = 200_000;

  private MlpTimer() {}

  static Measurement measure(Trainer trainer, long warmUpMillis, long measuredMillis) {
    int nodes = trainer.nodesPerStep();
    trainer.reset();
    long start = System.nanoTime();
    int k = 0;
    while (System.nanoTime() - start < warmUpMillis * 1_000_000 || k < 5) {
      trainer.step(k++);
    }
    long[] stepNanos = new long[MAX_STEPS];
    int steps = 0;
    long allocatedBefore = allocatedBytes();
    start = System.nanoTime();
    while ((System.nanoTime() - start < measuredMillis * 1_000_000 || steps < 5) && steps < MAX_STEPS) {
      long begin = System.nanoTime();
      trainer.step(k++);
      stepNanos[steps++] = System.nanoTime() - begin;
    }
    long allocated = allocatedBytes() - allocatedBefore;
    trainer.reset();
    double loss = 0;
    for (int check = 0; check < CHECK_STEPS; check++) {
      loss = trainer.step(check);
    }
    return new Measurement(trainer.name(), Stats.median(stepNanos, steps) / 1_000, nodes,
        allocatedBefore < 0 ? -1 : (double) allocated / steps, loss, trainer.parameters());
  }

  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()) {
      return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }
}
