package dev.retrograd.demo.bench;

import java.lang.management.ManagementFactory;

/**
 * Times the steps of a {@link Trainer}: full training runs to warm up the JIT, then more runs with
 * every step timed by {@link System#nanoTime()}, and the bytes the thread allocated over them.
 *
 * <p>Warm-up and measurement each last at least a given number of runs and a given time; the
 * reported figure is the median step, which a garbage collection now and then does not move.
 */
final class StepTimer {

  private static final int MAX_RUNS = 1_000;

  private final int warmUpRuns;
  private final long warmUpNanos;
  private final int measuredRuns;
  private final long measuredNanos;

  /**
   * Creates a timer.
   *
   * @param warmUpRuns the least number of untimed runs
   * @param warmUpMillis the least time spent on them
   * @param measuredRuns the least number of timed runs
   * @param measuredMillis the least time spent on them; at most {@value #MAX_RUNS} runs are timed
   */
  StepTimer(int warmUpRuns, long warmUpMillis, int measuredRuns, long measuredMillis) {
    if (measuredRuns < 1 || measuredRuns > MAX_RUNS) {
      throw new IllegalArgumentException("measuredRuns must be in [1, " + MAX_RUNS + "], was " + measuredRuns);
    }
    this.warmUpRuns = warmUpRuns;
    this.warmUpNanos = warmUpMillis * 1_000_000;
    this.measuredRuns = measuredRuns;
    this.measuredNanos = measuredMillis * 1_000_000;
  }

  /** Warms up, then measures {@code trainer}; the trainer is left at the end of a run. */
  Measurement measure(Trainer trainer) {
    int nodes = trainer.nodesPerStep();
    long start = System.nanoTime();
    for (int runs = 0; runs < warmUpRuns || System.nanoTime() - start < warmUpNanos; runs++) {
      run(trainer, null, 0);
    }

    long[] stepNanos = new long[MAX_RUNS * MoonsTask.STEPS];
    int steps = 0;
    double loss = 0;
    long allocatedBefore = allocatedBytes();
    start = System.nanoTime();
    for (int runs = 0; runs < measuredRuns
        || (System.nanoTime() - start < measuredNanos && runs < MAX_RUNS); runs++) {
      loss = run(trainer, stepNanos, steps);
      steps += MoonsTask.STEPS;
    }
    long allocated = allocatedBytes() - allocatedBefore;

    double micros = Stats.median(stepNanos, steps) / 1_000;
    double bytesPerStep = allocatedBefore < 0 ? -1 : (double) allocated / steps;
    return new Measurement(trainer.name(), micros, nodes, bytesPerStep, loss, trainer.parameters());
  }

  /**
   * Runs {@link MoonsTask#STEPS} steps from the initial parameters and returns the last loss; if
   * {@code stepNanos} is not null, stores each step's time in it from index {@code from}.
   */
  static double run(Trainer trainer, long[] stepNanos, int from) {
    trainer.reset();
    double loss = 0;
    for (int k = 0; k < MoonsTask.STEPS; k++) {
      long begin = System.nanoTime();
      loss = trainer.step(k);
      long end = System.nanoTime();
      if (stepNanos != null) {
        stepNanos[from + k] = end - begin;
      }
    }
    return loss;
  }

  /** Returns the bytes allocated so far by this thread, or −1 if the JVM does not count them. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()) {
      return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }
}
