package dev.retrograd.demo.cli;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.NoGrad;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Split;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;
import dev.retrograd.demo.progress.ProgressMode;
import dev.retrograd.demo.progress.TrainingProgress;
import dev.retrograd.demo.runfiles.FinishedRun;
import dev.retrograd.demo.runfiles.MetricsCsv;
import dev.retrograd.demo.runfiles.MetricsLog;
import dev.retrograd.demo.runfiles.RunFiles;
import dev.retrograd.demo.runfiles.RunFilesException;
import dev.retrograd.demo.runfolder.RunFolder;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.Clipping;
import dev.retrograd.train.Engine;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.Metrics;
import dev.retrograd.train.RunOptions;
import dev.retrograd.train.Schedule;
import dev.retrograd.train.Scores;
import dev.retrograd.train.Trainer;
import dev.retrograd.train.TrainingConfig;
import dev.retrograd.train.TrainingDivergedException;
import dev.retrograd.train.TrainingResult;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retrograd train}: the four phases of training, epoch after epoch, on a built-in data set or
 * a CSV file, with any combination of plugins; then the test scores, the curves and the checkpoint.
 *
 * <p>The run writes into a folder {@link RunFolder} chooses and locks. {@code metrics.csv} and the
 * checkpoint are written after every epoch; the plots at the end, from the whole history in
 * {@code metrics.csv}. On SIGINT or SIGTERM the run stops before its next step, writes its files for
 * the epochs it completed, prints the command that resumes it and exits with 130 or 143.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Train a multilayer perceptron, epoch by epoch, and write its metrics, plots and checkpoint.",
        "Writes metrics.csv, loss.png, accuracy.png, gradients.png, decision_boundary.png (2-D data) and"
            + " checkpoint.txt into --out."})
public final class TrainCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

  /** The learning rate the command line gives an optimizer unless {@code --hp} sets {@code lr}. */
  static final String DEFAULT_LR = "0.01";
  /** The share of the examples held out for the test unless {@code --test-fraction} says otherwise. */
  static final double DEFAULT_TEST_FRACTION = 0.2;
  /** The largest share of the examples held out for the test, and of the rest for validation. */
  static final double MAX_HELD_OUT = 0.5;
  /** Fewer training examples than this get a warning. */
  static final int FEW_TRAINING_ROWS = 10;

  @Mixin
  private DataOptions data;

  @Option(names = "--hidden", paramLabel = "W1,W2,…", split = ",", defaultValue = "32",
      description = "Widths of the hidden layers. Default: ${DEFAULT-VALUE} (128 for fashion-mnist and mnist).")
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

  @Option(names = "--hp", paramLabel = "K=V,…", defaultValue = "",
      description = "Hyperparameters of the optimizer, e.g. lr=0.003,weight_decay=0.01. Each key overrides its"
          + " default: lr=" + DEFAULT_LR + " (0.001 for fashion-mnist and mnist), the others the optimizer's own.")
  private String optimizerHyperparameters;

  @Option(names = "--l2", paramLabel = "X", defaultValue = "0",
      description = "L2 penalty added to the loss: l2·Σp². Default: ${DEFAULT-VALUE}.")
  private double l2;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
      description = "Default: ${DEFAULT-VALUE} (5 for fashion-mnist and mnist).")
  private int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}.")
  private int batchSize;

  @Option(names = "--schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
      description = "Learning-rate schedule: constant, step:step_size=10,gamma=0.5, exponential:gamma=0.95,"
          + " cosine, warmup_cosine:warmup=5. Default: ${DEFAULT-VALUE} (cosine for fashion-mnist and mnist).")
  private String schedule;

  @Option(names = "--clip-norm", paramLabel = "MAX", description = "Clip gradients to this global norm.")
  private Double clipNorm;

  @Option(names = "--clip-value", paramLabel = "V", description = "Clip every gradient to [-V, V].")
  private Double clipValue;

  @Option(names = "--early-stopping", paramLabel = "PATIENCE", defaultValue = "0",
      description = "Stop after PATIENCE epochs in a row without a lower validation loss, and keep the best epoch's"
          + " weights (in the model and the checkpoint). Default: off.")
  private int earlyStopping;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "Share of the data held out for the final test, at most 0.5. Default: ${DEFAULT-VALUE}.")
  private double testFraction;

  @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training data scored after every epoch, at most 0.5. Default: ${DEFAULT-VALUE}.")
  private double validationFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the data, the weights and the shuffling. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "compiled",
      description = "How each step's graph runs: compiled (recorded once per batch size, then replayed) or eager"
          + " (built afresh every step). Both compute the same numbers. Default: ${DEFAULT-VALUE}.")
  private String engine;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads a compiled step splits its batch across; each part's gradients are summed in a fixed"
          + " order, so a given N always gives the same run, and 1 gives the eager engine's numbers exactly."
          + " With --batch-norm, which couples the rows of a batch, training runs on 1 thread."
          + " Default: every core, as long as each part of a batch keeps at least 500,000 multiply-adds"
          + " (parameters × rows); so small networks train on 1 thread, where splitting costs more than it saves.")
  private Integer threads;

  @Option(names = "--out", paramLabel = "FOLDER",
      description = "Output folder. Default: runs/<data set>.")
  private Path outputFolder;

  @Option(names = "--resume", paramLabel = "CHECKPOINT",
      description = "Continue the run saved in this checkpoint, with the same settings and data, up to --epochs,"
          + " in the checkpoint's folder (or --out).")
  private Path resume;

  @Option(names = "--overwrite",
      description = "Replace the earlier run in the output folder (its checkpoint, metrics.csv and plots). Without"
          + " it, a new run refuses an --out folder that holds a run, and without --out it writes into"
          + " runs/<data set>-2, -3, ….")
  private boolean overwrite;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "Progress display: auto, bar, lines or quiet. Default: ${DEFAULT-VALUE}.")
  private String progress;

  /** Declares {@code --plugins}; the registry binding reads it. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  /** The learning rate the optimizer gets unless {@code --hp} sets one: {@value #DEFAULT_LR}, or the data set's. */
  private String defaultLr = DEFAULT_LR;

  private final Provider<Plugins> registry;
  private final RunFiles runFiles;
  private final StopSignals stopSignals;

  @Inject
  TrainCommand(Provider<Plugins> registry, RunFiles runFiles, StopSignals stopSignals) {
    this.registry = registry;
    this.runFiles = runFiles;
    this.stopSignals = stopSignals;
  }

  /** The checkpoint's name in the run folder. */
  private static final String CHECKPOINT = "checkpoint.txt";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    // Every option is checked before the data are loaded and before any line is printed.
    Plugins registry = this.registry.get();
    applyDataSetDefaults();
    ProgressMode progressMode = progressMode();
    Optional<Task> declaredTask = data.check();
    requireFractions();
    Hyperparameters optimizerSettings = optimizerHyperparameters(registry);
    checkPlugins(registry, optimizerSettings);
    TrainingConfig.Builder settings = TrainingConfig.builder()
        .optimizer(optimizer, optimizerSettings)
        .l2(l2)
        .epochs(epochs)
        .batchSize(batchSize)
        .schedule(Schedule.parse(schedule))
        .clipping(clipping())
        .validationFraction(validationFraction)
        .earlyStopping(earlyStopping)
        .seed(seed)
        .engine(Engine.parse(engine))
        .threads(threads == null ? 1 : threads());
    settings.loss(loss != null ? loss : "mse").task(declaredTask.orElse(Task.REGRESSION)).build();
    if (loss != null && declaredTask.isPresent()) {
      LossTable.requireFits(loss, declaredTask.get());
    }
    requireResumable();

    Split split = data.split(seed, testFraction);
    Dataset dataset = split.joined();
    Task task = dataset.task();
    String lossName = loss != null ? loss : LossTable.defaultLoss(task);
    LossTable.requireFits(lossName, task);
    warnIfFewTrainingRows(split);
    Standardizer standardizer = Standardizer.fit(split.train());
    Dataset train = standardizer.apply(split.train());
    Dataset test = standardizer.apply(split.test());

    MlpSpec architecture = architecture(dataset.featureCount(), dataset.targetWidth(), lossName);
    Mlp model = Mlp.of(architecture, registry, new SplittableRandom(seed));
    TrainingConfig config = settings
        .loss(lossName, Hyperparameters.parse(lossHyperparameters))
        .task(task)
        .targetEncoding(LossTable.targetEncoding(lossName))
        .targetStandardizer(task == Task.REGRESSION ? Standardizer.fitTargets(split.train()) : null)
        .featureStandardizer(standardizer)
        .threads(threads != null ? threads : DefaultThreads.of(model.parameters().size(), batchSize,
            Runtime.getRuntime().availableProcessors()))
        .build();

    List<String> folderFiles = new ArrayList<>(List.of(CHECKPOINT, MetricsCsv.FILE_NAME));
    folderFiles.addAll(runFiles.names());
    List<String> arguments = spec.commandLine().getParseResult().originalArgs();
    try (RunFolder runFolder = RunFolder.open(new RunFolder.Request(outputFolder, Path.of("runs", dataset.name()),
        resume, overwrite, folderFiles, CommandText.of(arguments)))) {
      Path folder = runFolder.path();
      Path checkpoint = folder.resolve(CHECKPOINT);
      out.printf("data      %s: %d training and %d test examples%n", dataset, train.size(), test.size());
      out.printf("model     %s, %d parameters%n", architecture, model.parameters().size());
      out.printf("training  %s%n", config.describe());
      out.printf("engine    %s%n", engineLine(config, model));
      runFolder.notes().forEach(note -> out.printf("folder    %s%n", note));
      out.flush();

      MetricsCsv columns = new MetricsCsv(task, List.copyOf(model.parametersByLayer().keySet()));
      Path metricsFile = folder.resolve(MetricsCsv.FILE_NAME);
      EpochReport report = new EpochReport(out, task);
      TrainingResult result;
      try (StopSignals.Watch stop = stopSignals.watch();
          MetricsLog history = resume == null ? MetricsLog.forNewRun(metricsFile, columns)
              : MetricsLog.forResumedRun(metricsFile, columns, resume.resolveSibling(MetricsCsv.FILE_NAME),
                  note -> out.printf("history   %s%n", note))) {
        try (TrainingProgress bar = TrainingProgress.create(progressMode)) {
          RunOptions options = RunOptions.none().withListener(history).withListener(new ProgressListener(bar))
              .withListener(report).withCheckpoint(checkpoint).withStopRequest(() -> stop.received().isPresent());
          Trainer trainer = new Trainer(registry);
          result = resume == null
              ? trainer.fit(model, train, config, options)
              : trainer.resume(model, train, config, resume, options);
        } catch (TrainingDivergedException e) {
          throw new IllegalStateException(e.getMessage() + (e.getMessage().endsWith(".") ? " " : ". ") + advice(e),
              e);
        }
        List<EpochMetrics> completed = history.history();
        Optional<StopSignal> signal = stop.received();
        if (completed.isEmpty()) {
          out.printf("stopped   by %s before epoch 1 ended; nothing was written, and there is nothing to resume%n",
              signal.map(StopSignal::name).orElse("a signal"));
          out.flush();
          return signal.map(StopSignal::exitCode).orElse(1);
        }
        if (result.bestEpoch() > 0) {
          out.printf(Locale.ROOT, "best      epoch %d, validation loss %.4f; %s%n", result.bestEpoch(),
              completed.stream().filter(m -> m.epoch() == result.bestEpoch()).findFirst()
                  .map(m -> m.validationLoss()).orElse(Double.NaN),
              result.stoppedEarly() ? "stopped after epoch " + result.last().epoch() + ", " + earlyStopping
                  + " epochs without improvement, and restored the weights of epoch " + result.bestEpoch()
                  : result.bestEpoch() == result.last().epoch() ? "the last epoch, whose weights the model keeps"
                  : "restored its weights");
        }
        Scores testScores = new Trainer(registry).evaluate(model, test, config);
        List<Path> files = new ArrayList<>(List.of(metricsFile));
        RunFilesException failure = null;
        try {
          files.addAll(runFiles.write(folder, new FinishedRun(completed, split.train(),
              point -> predictClass(model, standardizer.apply(point)),
              task == Task.CLASSIFICATION ? Optional.of(new FinishedRun.TestPredictions(split.test(),
                  ModelReadings.predictedClasses(model, test))) : Optional.empty(),
              Optional.of(ModelReadings.firstLayerWeights(model)))));
        } catch (RunFilesException e) {
          files.addAll(e.written());
          failure = e;
        }
        Path resumable = Files.exists(checkpoint) ? checkpoint : resume;
        if (Files.exists(checkpoint)) {
          files.add(checkpoint);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        out.printf(Locale.ROOT, "test      %s on %d examples%n", report.scores(testScores), test.size());
        out.printf(Locale.ROOT, "time      %.1f s in all, %.2f s per epoch; %d parameters%n",
            elapsed.toNanos() / 1e9, result.elapsed().toNanos() / 1e9 / Math.max(1, result.epochs().size()),
            model.parameters().size());
        out.printf("wrote     %s%n", String.join(", ", files.stream().map(Path::toString).toList()));
        if (signal.isPresent()) {
          int last = completed.get(completed.size() - 1).epoch();
          out.printf("stopped   by %s%s; the files hold epochs %d to %d%n", signal.get().name(),
              result.stopped() ? " in epoch " + (last + 1) + " of " + epochs : " after the last epoch",
              completed.get(0).epoch(), last);
          if (last < epochs) {
            out.printf("resume    %s%n", CommandText.of(CommandText.resuming(arguments, resumable)));
          }
          out.flush();
          if (failure != null) {
            spec.commandLine().getErr().println("retrograd: " + failure.getMessage());
          }
          return signal.get().exitCode();
        }
        out.flush();
        if (failure != null) {
          throw failure;
        }
        return 0;
      }
    }
  }

  /**
   * Returns the optimizer's hyperparameters: the command line's default {@value #DEFAULT_LR} (or the
   * data set's own) for
   * {@code lr} (when the optimizer takes one and {@code --hp} does not set it), then the keys of
   * {@code --hp}; every other key takes the optimizer's own default.
   */
  private Hyperparameters optimizerHyperparameters(Plugins registry) {
    Hyperparameters given = Hyperparameters.parse(optimizerHyperparameters);
    boolean takesLr = registry.plugin("optimizer", optimizer).hyperparameters().stream()
        .anyMatch(h -> h.name().equals("lr"));
    if (!takesLr || given.names().contains("lr")) {
      return given;
    }
    return Hyperparameters.parse(given.names().isEmpty() ? "lr=" + defaultLr
        : "lr=" + defaultLr + "," + optimizerHyperparameters);
  }

  /**
   * Gives the options the command line leaves out the chosen data set's own defaults, if it has
   * any ({@link DataSetDefaults}).
   */
  private void applyDataSetDefaults() {
    if (data.csv != null) {
      return;
    }
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--test-fraction") && data.hasOwnTestSet()) {
      throw new IllegalArgumentException("--test-fraction does not apply to --dataset " + data.dataset + ", which"
          + " comes with its own test set; use --limit N for a smaller run.");
    }
    DataSetDefaults.of(data.dataset).ifPresent(defaults -> {
      if (!parsed.hasMatchedOption("--hidden")) {
        hidden = defaults.hidden().clone();
      }
      if (!parsed.hasMatchedOption("--epochs")) {
        epochs = defaults.epochs();
      }
      if (!parsed.hasMatchedOption("--schedule")) {
        schedule = defaults.schedule();
      }
      defaultLr = defaults.lr();
    });
  }

  /** Makes every plugin the options name once, so that a wrong name or hyperparameter stops the run now. */
  private void checkPlugins(Plugins registry, Hyperparameters optimizerSettings) {
    registry.optimizer(optimizer, optimizerSettings);
    registry.activation(activation, Hyperparameters.parse(activationHyperparameters));
    registry.initializer(initializer, Hyperparameters.parse(initializerHyperparameters));
    if (outputActivation != null) {
      registry.activation(outputActivation);
    }
    if (loss != null) {
      registry.loss(loss, Hyperparameters.parse(lossHyperparameters));
    } else {
      Hyperparameters.parse(lossHyperparameters);
    }
  }

  /**
   * Refuses a test or validation fraction outside (0, {@value #MAX_HELD_OUT}] ([0, …] for
   * validation): holding out more than half would leave fewer examples to train on than to score.
   */
  private void requireFractions() {
    if (earlyStopping < 0) {
      throw new IllegalArgumentException("--early-stopping must be a patience >= 1 (epochs without improvement), or 0"
          + " for none, was " + earlyStopping + ".");
    }
    if (earlyStopping > 0 && validationFraction == 0) {
      throw new IllegalArgumentException("--early-stopping watches the validation loss, but --validation-fraction is"
          + " 0; hold out some training data for validation (--validation-fraction 0.1).");
    }
    if (!(testFraction > 0 && testFraction <= MAX_HELD_OUT)) {
      throw new IllegalArgumentException("--test-fraction must be in (0, " + MAX_HELD_OUT + "], was " + testFraction
          + "; more would leave fewer examples to train on than to test.");
    }
    if (!(validationFraction >= 0 && validationFraction <= MAX_HELD_OUT)) {
      throw new IllegalArgumentException("--validation-fraction must be in [0, " + MAX_HELD_OUT + "], was "
          + validationFraction + "; more would leave fewer examples to train on than to validate, use 0 for none.");
    }
  }

  /** Warns when the split leaves fewer than {@value #FEW_TRAINING_ROWS} examples to train on. */
  private void warnIfFewTrainingRows(Split split) {
    int held = (int) Math.ceil(validationFraction * split.train().size());
    int training = split.train().size() - held;
    if (training < FEW_TRAINING_ROWS) {
      LOG.warn("Only {} examples are left to train on ({} for test, {} for validation); the scores will say little.",
          training, split.test().size(), held);
    }
  }

  private void requireResumable() {
    if (resume != null && !Files.isRegularFile(resume)) {
      throw new IllegalArgumentException("Cannot resume from " + resume + ": "
          + (Files.isDirectory(resume) ? "it is a folder, give the checkpoint file in it" : "no such file") + ".");
    }
  }

  /** Returns what the command line suggests for a run that diverged, by where the first NaN came from. */
  static String advice(TrainingDivergedException e) {
    return switch (e.source()) {
      case INPUT, TARGET -> "Check the data for values that are not finite.";
      case OPERATION -> e.diagnosis().contains("produced NaN")
          ? "Try another activation (--activation) or initializer, or lower the learning rate (--hp lr=...)."
          : "Lower the learning rate (--hp lr=...) or clip gradients (--clip-norm 1.0).";
      default -> "Lower the learning rate (--hp lr=...) or clip gradients (--clip-norm 1.0).";
    };
  }

  private MlpSpec architecture(int inputs, int outputs, String lossName) {
    String output = outputActivation != null ? outputActivation : LossTable.outputActivation(lossName);
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

  /** Returns --threads, checked; call it only when the option was given. */
  private int threads() {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads + "; give a number of threads,"
          + " such as 1 or 2, or leave it out to use every core.");
    }
    return threads;
  }

  /** Returns how the steps run, such as "compiled, 2 threads (every core)". */
  private String engineLine(TrainingConfig config, Mlp model) {
    if (config.engine() == Engine.EAGER) {
      return "eager, 1 thread";
    }
    int used = model.buffers().isEmpty() ? config.threads() : 1;
    String count = used + (used == 1 ? " thread" : " threads");
    if (used < config.threads()) {
      return "compiled, " + count + " (batch normalization couples the rows of a batch)";
    }
    if (threads != null) {
      return "compiled, " + count;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return used == cores ? "compiled, " + count + " (every core)"
        : "compiled, " + count + " of " + cores + " cores (more would leave each part of a batch too little work"
            + " to pay for the split; --threads sets it)";
  }

  private ProgressMode progressMode() {
    try {
      return ProgressMode.valueOf(progress.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown progress mode '" + progress + "'; available: [auto, bar, lines, quiet].");
    }
  }

  /** Returns the class the model predicts for one standardized row, as accuracy counts it; records no graph. */
  private static int predictClass(Mlp model, double[] row) {
    try (NoGrad scope = Value.noGrad()) {
      Value[] outputs = model.forward(new double[][] {row})[0];
      return Metrics.predictedClass(Arrays.stream(outputs).mapToDouble(Value::data).toArray());
    }
  }

  @Override
  public String toString() {
    return "train " + Arrays.toString(hidden);
  }
}
