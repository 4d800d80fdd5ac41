package dev.retrograd.demo.bench;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Digits;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Engine;
import dev.retrograd.train.RunOptions;
import dev.retrograd.train.Trainer;
import dev.retrograd.train.TrainingConfig;
import dev.retrograd.train.TrainingListener;
import java.lang.management.ManagementFactory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whole epochs of the real trainer, timed by its own {@code train_seconds} (forward, backward and
 * update of every step; no validation): the digits network 64-32-10 on 1,293 digits and 784-128-10
 * on 4,320 synthetic rows, batches of 32, SGD with lr 0.01 and cross-entropy, eager and compiled on
 * one thread and on every core. The figure is the median of the last two thirds of the epochs (30
 * of the digits, 5 of 784-128-10): the first ones warm up the JIT. Beside it, the CPU time the whole
 * process used per epoch (all threads, the JIT's and the collector's included): on a machine whose
 * cores are busy with other work, N threads cannot run at once, and this says how much work the
 * N-thread run does compared with one thread. It also prints each figure as a {@code csv,network,engine,threads,ms} line, which
 * {@code bench/pytorch_bench.py} reads to set PyTorch's times beside them.
 */
final class EpochTimer {

  private static final int DIGITS_ROWS = 1_293;
  private static final int WIDE_ROWS = 4_320;
  private static final int BATCH = 32;

  private EpochTimer() {}

  static void run(PluginCatalog plugins, int threads, PrintStream out) {
    Dataset digits = firstRows(Digits.load(), DIGITS_ROWS);
    Dataset wide = synthetic(WIDE_ROWS, 784, 10, 7);
    out.printf(Locale.ROOT, "epochs: the trainer's train_seconds, median of the last 2/3 of the epochs, batches of %d%n%n",
        BATCH);
    out.printf(Locale.ROOT, "%-34s %-10s %8s %14s %14s%n", "network", "engine", "threads", "ms/epoch",
        "cpu ms/epoch");
    double[] digitsTimes = network(plugins, "64-32-10 digits (1,293 rows)", "digits", digits, 32, 30, threads, out);
    double[] wideTimes = network(plugins, "784-128-10 (4,320 rows)", "784", wide, 128, 5, threads, out);
    out.println();
    out.printf(Locale.ROOT, "compiled epoch speed-up, %d threads over 1: digits %.2fx, 784-128-10 %.2fx%n", threads,
        digitsTimes[1] / digitsTimes[2], wideTimes[1] / wideTimes[2]);
    double speedUp = wideTimes[1] / wideTimes[2];
    out.printf(Locale.ROOT, "target 784-128-10 epoch speed-up with %d threads >= 1.7: %.2fx, %s%n", threads, speedUp,
        speedUp >= 1.7 ? "met" : "NOT met");
    out.println();
  }

  /** Times eager on 1 thread, compiled on 1, compiled on {@code threads}; returns the three ms figures. */
  private static double[] network(PluginCatalog plugins, String title, String key, Dataset data, int hidden,
      int epochs, int threads, PrintStream out) {
    double[] times = new double[3];
    Engine[] engines = {Engine.EAGER, Engine.COMPILED, Engine.COMPILED};
    int[] threadCounts = {1, 1, threads};
    for (int i = 0; i < 3; i++) {
      times[i] = epochMillis(plugins, data, hidden, epochs, engines[i], threadCounts[i]);
      out.printf(Locale.ROOT, "%-34s %-10s %8d %14.1f %14.1f%n", title, engines[i], threadCounts[i], times[i],
          lastCpuMillis);
    }
    for (int i = 0; i < 3; i++) {
      out.printf(Locale.ROOT, "csv,%s,%s,%d,%.2f%n", key, engines[i], threadCounts[i], times[i]);
    }
    return times;
  }

  private static double epochMillis(PluginCatalog plugins, Dataset data, int hidden, int epochs, Engine engine,
      int threads) {
    MlpSpec spec = MlpSpec.of(data.featureCount(), new int[] {hidden}, 10, "relu", "he_normal");
    Mlp model = Mlp.of(spec, plugins, new SplittableRandom(1));
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd", Hyperparameters.parse("lr=0.01"))
        .loss("cross_entropy").task(Task.CLASSIFICATION).epochs(epochs).batchSize(BATCH)
        .engine(engine).threads(threads).build();
    List<Long> cpuAtEpochEnd = new ArrayList<>();
    cpuAtEpochEnd.add(processCpuNanos());
    TrainingListener cpu = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochMetrics metrics) {
        cpuAtEpochEnd.add(processCpuNanos());
      }
    };
    List<EpochMetrics> history = new Trainer(plugins).fit(model, data, config, RunOptions.none().withListener(cpu))
        .epochs();
    double[] millis = history.subList(history.size() / 3, history.size()).stream()
        .mapToDouble(m -> m.trainingElapsed().toNanos() / 1e6).sorted().toArray();
    double[] cpuMillis = new double[history.size() - history.size() / 3];
    for (int e = history.size() / 3; e < history.size(); e++) {
      cpuMillis[e - history.size() / 3] = (cpuAtEpochEnd.get(e + 1) - cpuAtEpochEnd.get(e)) / 1e6;
    }
    Arrays.sort(cpuMillis);
    lastCpuMillis = cpuMillis[cpuMillis.length / 2];
    return millis[millis.length / 2];
  }

  /** The median CPU time of the process per epoch, of the latest {@link #epochMillis} call. */
  private static double lastCpuMillis;

  /** Returns the CPU time all the process's threads have used, or 0 if the JVM cannot tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static Dataset firstRows(Dataset data, int rows) {
    double[][] x = Arrays.copyOf(data.features(), rows);
    int[] labels = Arrays.copyOf(data.labels(), rows);
    return Dataset.classification(data.name(), data.featureNames(), x, data.classNames(), labels);
  }

  private static Dataset synthetic(int rows, int inputs, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[rows][inputs];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < inputs; c++) {
        x[r][c] = random.nextDouble(-1, 1);
      }
      labels[r] = random.nextInt(classes);
    }
    List<String> features = new ArrayList<>();
    for (int c = 0; c < inputs; c++) {
      features.add("x" + c);
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      names.add("class" + k);
    }
    return Dataset.classification("synthetic", features, x, names, labels);
  }
}
