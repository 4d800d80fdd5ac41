package dev.retrograd.demo.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times one training step of micrograd's two-moons demo three ways and compares them.
 *
 * <p>(a) builds micrograd's graph of binary ops, (b) a graph of fused neuron nodes, f(w·x + b) each,
 * (c) no graph: hand-written gradients over {@code double[]}, the floor. All three run the same 100
 * SGD steps from the same weights (see {@link MoonsTask}); the benchmark checks that their final
 * losses and parameters agree, then prints the median time per step, nodes and bytes per step, and
 * how far (a) and (b) are from the floor:
 *
 * <pre>
 *   java -cp demo/target/classes:autograd/target/classes:api/target/classes \
 *       dev.retrograd.demo.bench.Benchmark
 * </pre>
 *
 * <p>It takes about 15 seconds.
 */
public final class Benchmark {

  private static final long SEED = 1337;
  private static final double AGREEMENT = 1e-9;
  private static final double TARGET_MICROGRAD = 60;
  private static final double TARGET_DOT = 6;

  private Benchmark() {}

  /**
   * Runs the benchmark and prints its table to standard output.
   *
   * @throws IllegalStateException if the three variants do not compute the same training run
   */
  public static void main(String[] args) {
    MoonsTask task = new MoonsTask(SEED);
    List<Trainer> trainers = List.of(new MicrogradGraph(task), new DotGraph(task), new HandWritten(task));
    StepTimer timer = new StepTimer(3, 1_500, 5, 2_500);
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "micrograd's demo: MLP 2-16-16-1 (%d parameters), %d two-moons points,"
        + " full-batch SGD, %d steps per run; Java %s, %d cores%n%n",
        task.initialParameters().length, task.size(), MoonsTask.STEPS,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    Measurement[] results = new Measurement[trainers.size()];
    for (int i = 0; i < results.length; i++) {
      results[i] = timer.measure(trainers.get(i));
    }
    print(results, out);
    checkAgreement(results, out);
  }

  private static void print(Measurement[] results, PrintStream out) {
    double floor = results[results.length - 1].microsPerStep();
    out.printf(Locale.ROOT, "%-27s %12s %12s %14s %10s %18s%n",
        "variant", "us/step", "nodes/step", "bytes/step", "vs (c)", "final loss");
    for (Measurement m : results) {
      out.printf(Locale.ROOT, "%-27s %12.1f %,12d %,14.0f %9.1fx %18.15f%n",
          m.name(), m.microsPerStep(), m.nodesPerStep(), m.bytesPerStep(),
          m.microsPerStep() / floor, m.finalLoss());
    }
    out.println();
    out.println("(us/step: median over the timed runs; nodes/step: ops and leaves reachable from the loss;");
    out.println(" bytes/step: mean, allocated by this thread)");
    out.println();
    target(out, "(a)/(c)", results[0].microsPerStep() / floor, TARGET_MICROGRAD);
    target(out, "(b)/(c)", results[1].microsPerStep() / floor, TARGET_DOT);
  }

  private static void target(PrintStream out, String ratio, double value, double limit) {
    out.printf(Locale.ROOT, "target %s <= %.0f: %.1f, %s%n", ratio, limit, value, value <= limit ? "met" : "NOT met");
  }

  /** Checks that every variant ends with the floor's loss and parameters, within {@value #AGREEMENT}. */
  private static void checkAgreement(Measurement[] results, PrintStream out) {
    Measurement floor = results[results.length - 1];
    double lossDifference = 0;
    double parameterDifference = 0;
    for (Measurement m : results) {
      lossDifference = Math.max(lossDifference, Stats.relativeDifference(m.finalLoss(), floor.finalLoss()));
      parameterDifference = Math.max(parameterDifference,
          Stats.maxRelativeDifference(m.finalParameters(), floor.finalParameters()));
    }
    String summary = String.format(Locale.ROOT,
        "final losses differ by %.1e and parameters by %.1e (largest relative difference; limit %.0e)",
        lossDifference, parameterDifference, AGREEMENT);
    if (lossDifference > AGREEMENT || parameterDifference > AGREEMENT) {
      throw new IllegalStateException("The three variants do not compute the same training run: " + summary
          + ". The timings compare different computations; check the variant that differs from (c).");
    }
    out.println("check: the three variants agree: " + summary);
  }
}
