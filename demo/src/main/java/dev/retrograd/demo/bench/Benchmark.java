package dev.retrograd.demo.bench;

import dev.retrograd.api.PluginCatalog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engine benchmark, in one JVM: training steps timed with the eager engine, replayed from
 * compiled graphs on one thread and on every core, and against a hand-written {@code double[]}
 * floor; then whole training epochs of the real trainer.
 *
 * <ul>
 *   <li><b>moons</b>: micrograd's demo step (see {@link MoonsTask}) as (a) micrograd's graph of
 *       binary ops and (b) a graph of fused neurons, each eager and compiled, and (c) the floor. All
 *       run the same 100 SGD steps from the same weights; the benchmark checks that their final
 *       losses and parameters agree.
 *   <li><b>mlp</b>: a classifier's step (see {@link MlpTask}) on the digits network 64-32-10 with
 *       batches of 32 and on 784-128-10 with batches of 64 (synthetic rows), eager, compiled and by
 *       hand.
 *   <li><b>epochs</b>: the trainer's {@code train_seconds} per epoch (see {@link EpochTimer}) on the
 *       digits (1,293 rows) and on 4,320 synthetic rows of 784 inputs, batches of 32, as
 *       {@code bench/pytorch_bench.py} times PyTorch on the same networks.
 * </ul>
 *
 * <p>Each step table gives the median time per step, the graph size, the bytes the calling thread
 * allocates per step (worker threads not counted), and the ratio to the one-thread floor.
 */
public final class Benchmark {

  /** The sections, in the order they run. */
  public static final List<String> SECTIONS = List.of("moons", "mlp", "epochs");

  private static final long SEED = 1337;
  private static final double AGREEMENT = 1e-9;
  private static final double TARGET_BINARY_COMPILED = 8;
  private static final double TARGET_DOT_COMPILED = 2;
  private static final double TARGET_MLP_COMPILED = 1.5;

  private Benchmark() {}

  /**
   * Runs the sections named in {@code sections} and prints their tables to {@code out}.
   *
   * @param threads the "every core" thread count
   * @throws IllegalStateException if variants of one task do not compute the same training run
   */
  public static void run(PluginCatalog plugins, Set<String> sections, int threads, PrintStream out) {
    out.printf(Locale.ROOT, "Java %s, %d cores; \"all cores\" = %d threads%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), threads);
    if (sections.contains("moons")) {
      moons(threads, out);
    }
    if (sections.contains("mlp")) {
      mlp(plugins, threads, out);
    }
    if (sections.contains("epochs")) {
      EpochTimer.run(plugins, threads, out);
    }
  }

  private static void moons(int threads, PrintStream out) {
    MoonsTask task = new MoonsTask(SEED);
    List<Trainer> trainers = new ArrayList<>(List.of(
        new MicrogradGraph(task),
        new CompiledMoons(new MicrogradGraph(task), "(a) compiled, 1 thread", 1),
        new CompiledMoons(new MicrogradGraph(task), "(a) compiled, " + threads + " threads", threads),
        new DotGraph(task),
        new CompiledMoons(new DotGraph(task), "(b) compiled, 1 thread", 1),
        new CompiledMoons(new DotGraph(task), "(b) compiled, " + threads + " threads", threads),
        new HandWritten(task)));
    StepTimer timer = new StepTimer(3, 1_000, 5, 2_000);
    out.printf(Locale.ROOT, "moons: micrograd's demo, MLP 2-16-16-1 (%d parameters), %d two-moons points,"
        + " full-batch SGD, %d steps per run%n%n", task.initialParameters().length, task.size(), MoonsTask.STEPS);
    Measurement[] results = new Measurement[trainers.size()];
    for (int i = 0; i < results.length; i++) {
      results[i] = timer.measure(trainers.get(i));
    }
    print(results, results[results.length - 1].microsPerStep(), out);
    out.println("(us/step: median over the timed runs; nodes/step: ops and leaves reachable from the loss, for a");
    out.println(" compiled variant its compiled ops and the leaves they read; bytes/step: mean, calling thread only)");
    out.println();
    double floor = results[results.length - 1].microsPerStep();
    target(out, "compiled binary graph (a) / floor (c), 1 thread", results[1].microsPerStep() / floor,
        TARGET_BINARY_COMPILED);
    target(out, "compiled dot graph (b) / floor (c), 1 thread", results[4].microsPerStep() / floor,
        TARGET_DOT_COMPILED);
    checkAgreement(results, out);
    out.println();
  }

  private static void mlp(PluginCatalog plugins, int threads, PrintStream out) {
    List<MlpTask> tasks = List.of(
        new MlpTask("digits network", 64, 32, 10, 32, plugins, SEED),
        new MlpTask("Fashion-MNIST size", 784, 128, 10, 64, plugins, SEED));
    for (MlpTask task : tasks) {
      List<Trainer> trainers = new ArrayList<>(List.of(new EagerMlp(task), new CompiledMlp(task, 1),
          new CompiledMlp(task, threads), new HandWrittenMlp(task, 1), new HandWrittenMlp(task, threads)));
      out.printf(Locale.ROOT, "mlp: %s %s, relu, cross-entropy, SGD, synthetic rows%n%n", task.name, task.shape());
      Measurement[] results = new Measurement[trainers.size()];
      for (int i = 0; i < results.length; i++) {
        results[i] = MlpTimer.measure(trainers.get(i), 1_000, 2_000);
      }
      double floor = results[3].microsPerStep();
      print(results, floor, out);
      out.println();
      if (task.inputs == 784) {
        target(out, "compiled 784-128-10 step / floor, 1 thread", results[1].microsPerStep() / floor,
            TARGET_MLP_COMPILED);
      }
      out.printf(Locale.ROOT, "compiled step speed-up, %d threads over 1: %.2fx (floor: %.2fx)%n", threads,
          results[1].microsPerStep() / results[2].microsPerStep(),
          results[3].microsPerStep() / results[4].microsPerStep());
      checkAgreement(results, out);
      out.println();
    }
  }

  private static void print(Measurement[] results, double floor, PrintStream out) {
    out.printf(Locale.ROOT, "%-36s %12s %12s %14s %10s %20s%n",
        "variant", "us/step", "nodes/step", "bytes/step", "vs floor", "final loss");
    for (Measurement m : results) {
      out.printf(Locale.ROOT, "%-36s %12.1f %,12d %,14.0f %9.2fx %20.15f%n",
          m.name(), m.microsPerStep(), m.nodesPerStep(), m.bytesPerStep(), m.microsPerStep() / floor, m.finalLoss());
    }
  }

  static void target(PrintStream out, String ratio, double value, double limit) {
    out.printf(Locale.ROOT, "target %s <= %.1f: %.2f, %s%n", ratio, limit, value,
        value <= limit ? "met" : "NOT met (by " + String.format(Locale.ROOT, "%.0f%%", 100 * (value / limit - 1)) + ")");
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
      throw new IllegalStateException("The variants do not compute the same training run: " + summary
          + ". The timings compare different computations; check the variant that differs from the floor.");
    }
    out.println("check: the variants agree: " + summary);
  }
}
