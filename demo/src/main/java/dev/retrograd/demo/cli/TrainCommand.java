package dev.retrograd.demo.cli;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Split;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import dev.retrograd.demo.progress.ProgressMode;
import dev.retrograd.demo.progress.TrainingProgress;
import dev.retrograd.demo.runfiles.FinishedRun;
import dev.retrograd.demo.runfiles.RunFiles;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.Clipping;
import dev.retrograd.train.Metrics;
import dev.retrograd.train.RunOptions;
import dev.retrograd.train.Schedule;
import dev.retrograd.train.Scores;
import dev.retrograd.train.Trainer;
import dev.retrograd.train.TrainingConfig;
import dev.retrograd.train.TrainingResult;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrograd train}: the four phases of training, epoch after epoch, on a built-in data set or
 * a CSV file, with any combination of plugins; then the test scores, the curves and the checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Train a multilayer perceptron, epoch by epoch, and write its metrics, plots and checkpoint.",
        "Writes metrics.csv, loss.png, accuracy.png, gradients.png, decision_boundary.png (2-D data)",
        "and checkpoint.txt into --out."})
public final class TrainCommand implements Callable<Integer> {

  @Mixin
  private DataOptions data;

  @Option(names = "--hidden", paramLabel = "W1,W2,…", split = ",", defaultValue = "32",
      description = "Widths of the hidden layers. Default: ${DEFAULT-VALUE}.")
  private int[] hidden;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
      description = "Activation of the hidden layers. Default: ${DEFAULT-VALUE}.")
  private String activation;

  @Option(names = "--activation-hp", paramLabel = "K=V,…", defaultValue = "",
      description = "Hyperparameters of the activation, e.g. negative_slope=0.1.")
  private String activationHyperparameters;

  @Option(names = "--output-activation", paramLabel = "NAME",
      description = "Activation of the output layer. Default: identity (sigmoid for binary_cross_entropy).")
  private String outputActivation;

  @Option(names = "--initializer", paramLabel = "NAME", defaultValue = "he_normal",
      description = "Weight initializer of every layer. Default: ${DEFAULT-VALUE}.")
  private String initializer;

  @Option(names = "--initializer-hp", paramLabel = "K=V,…", defaultValue = "",
      description = "Hyperparameters of the initializer, e.g. gain=2.")
  private String initializerHyperparameters;

  @Option(names = "--batch-norm", description = "Batch normalization after every hidden layer's linear part.")
  private boolean batchNorm;

  @Option(names = "--residual", description = "Skip connections over every hidden layer as wide as its input.")
  private boolean residual;

  @Option(names = "--loss", paramLabel = "NAME",
      description = "Loss. Default: cross_entropy for classification, mse for regression.")
  private String loss;

  @Option(names = "--loss-hp", paramLabel = "K=V,…", defaultValue = "",
      description = "Hyperparameters of the loss, e.g. label_smoothing=0.1.")
  private String lossHyperparameters;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      description = "Optimizer. Default: ${DEFAULT-VALUE}.")
  private String optimizer;

  @Option(names = "--hp", paramLabel = "K=V,…", defaultValue = "lr=0.01",
      description = "Hyperparameters of the optimizer, e.g. lr=0.003,weight_decay=0.01. Default: ${DEFAULT-VALUE}.")
  private String optimizerHyperparameters;

  @Option(names = "--l2", paramLabel = "X", defaultValue = "0",
      description = "L2 penalty added to the loss: l2·Σp². Default: ${DEFAULT-VALUE}.")
  private double l2;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
  private int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}.")
  private int batchSize;

  @Option(names = "--schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
      description = "Learning-rate schedule: constant, step:step_size=10,gamma=0.5, exponential:gamma=0.95,"
          + " cosine, warmup_cosine:warmup=5. Default: ${DEFAULT-VALUE}.")
  private String schedule;

  @Option(names = "--clip-norm", paramLabel = "MAX", description = "Clip gradients to this global norm.")
  private Double clipNorm;

  @Option(names = "--clip-value", paramLabel = "V", description = "Clip every gradient to [-V, V].")
  private Double clipValue;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "Share of the data held out for the final test. Default: ${DEFAULT-VALUE}.")
  private double testFraction;

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training data scored after every epoch. Default: ${DEFAULT-VALUE}.")
  private double validationFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the data, the weights and the shuffling. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--out", paramLabel = "FOLDER",
      description = "Output folder. Default: runs/<data set>.")
  private Path outputFolder;

  @Option(names = "--resume", paramLabel = "CHECKPOINT",
      description = "Continue the run saved in this checkpoint, with the same settings, up to --epochs.")
  private Path resume;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "Progress display: auto, bar, lines or quiet. Default: ${DEFAULT-VALUE}.")
  private String progress;

  /** Declares {@code --plugins}; the registry binding reads it. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;
  private final RunFiles runFiles;

  @Inject
  TrainCommand(Provider<Plugins> registry, RunFiles runFiles) {
    this.registry = registry;
    this.runFiles = runFiles;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    Plugins registry = this.registry.get();
    Dataset dataset = data.load(seed);
    Task task = dataset.task();
    Split split = Split.trainTestSplit(dataset, testFraction, seed);
    Standardizer standardizer = Standardizer.fit(split.train());
    Dataset train = standardizer.apply(split.train());
    Dataset test = standardizer.apply(split.test());

    String lossName = loss != null ? loss : task == Task.CLASSIFICATION ? "cross_entropy" : "mse";
    TargetEncoding targets = lossName.equals("hinge") ? TargetEncoding.SIGNS : TargetEncoding.ONE_HOT;

    MlpSpec architecture = architecture(dataset.featureCount(), dataset.targetWidth(), lossName);
    Mlp model = Mlp.of(architecture, registry, new SplittableRandom(seed));
    TrainingConfig config = TrainingConfig.builder()
        .optimizer(optimizer, Hyperparameters.parse(optimizerHyperparameters))
        .loss(lossName, Hyperparameters.parse(lossHyperparameters))
        .task(task)
        .l2(l2)
        .epochs(epochs)
        .batchSize(batchSize)
        .schedule(Schedule.parse(schedule))
        .clipping(clipping())
        .validationFraction(validationFraction)
        .seed(seed)
        .targetEncoding(targets)
        .build();

    Path folder = outputFolder != null ? outputFolder : Path.of("runs", dataset.name());
    Path checkpoint = folder.resolve("checkpoint.txt");
    out.printf("data      %s: %d training and %d test examples%n", dataset, train.size(), test.size());
    out.printf("model     %s, %d parameters%n", architecture, model.parameters().size());
    out.printf("training  %s%n", config.describe());
    out.flush();

    EpochReport report = new EpochReport(out, task);
    TrainingResult result;
    try (TrainingProgress bar = TrainingProgress.create(progressMode())) {
      RunOptions options = RunOptions.none().withListener(new ProgressListener(bar)).withListener(report)
          .withCheckpoint(checkpoint);
      Trainer trainer = new Trainer(registry);
      result = resume == null
          ? trainer.fit(model, train, config, options)
          : trainer.resume(model, train, config, resume, options);
    }
    Scores testScores = new Trainer(registry).evaluate(model, test, config);

    List<Path> files = runFiles.write(folder, new FinishedRun(report.epochs(), split.train(),
        point -> predictClass(model, standardizer.apply(point))));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    out.printf(Locale.ROOT, "test      %s on %d examples%n", report.scores(testScores), test.size());
    out.printf(Locale.ROOT, "time      %.1f s in all, %.2f s per epoch; %d parameters%n",
        elapsed.toNanos() / 1e9, result.elapsed().toNanos() / 1e9 / Math.max(1, result.epochs().size()),
        model.parameters().size());
    out.printf("wrote     %s%n", String.join(", ", files.stream().map(Path::toString).toList()) + ", " + checkpoint);
    out.flush();
    return 0;
  }

  private MlpSpec architecture(int inputs, int outputs, String lossName) {
    String output = outputActivation != null ? outputActivation
        : lossName.equals("binary_cross_entropy") ? "sigmoid" : "identity";
    MlpSpec architecture = MlpSpec.of(inputs, hidden, outputs, activation, initializer)
        .withActivation(activation, Hyperparameters.parse(activationHyperparameters))
        .withInitializer(initializer, Hyperparameters.parse(initializerHyperparameters))
        .withOutputActivation(output, Hyperparameters.empty());
    if (batchNorm) {
      architecture = architecture.withBatchNorm();
    }
    return residual ? architecture.withResidual() : architecture;
  }

  private Clipping clipping() {
    if (clipNorm != null && clipValue != null) {
      throw new IllegalArgumentException("choose one of --clip-norm and --clip-value, not both");
    }
    return clipNorm != null ? Clipping.byNorm(clipNorm) : clipValue != null ? Clipping.byValue(clipValue) : Clipping.none();
  }

  private ProgressMode progressMode() {
    try {
      return ProgressMode.valueOf(progress.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown progress mode '" + progress + "'; available: [auto, bar, lines, quiet].");
    }
  }

  /** Returns the class the model predicts for one standardized row, as accuracy counts it. */
  private static int predictClass(Mlp model, double[] row) {
    Value[] outputs = model.forward(new double[][] {row})[0];
    return Metrics.predictedClass(Arrays.stream(outputs).mapToDouble(Value::data).toArray());
  }

  @Override
  public String toString() {
    return "train " + Arrays.toString(hidden);
  }
}
