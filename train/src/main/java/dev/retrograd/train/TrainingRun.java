package dev.retrograd.train;

import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.api.PluginChoice;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One training run: its plugins, split, generator and position, and the loop itself. */
final class TrainingRun {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final Model model;
  private final TrainingConfig config;
  private final RunOptions options;
  private final Optimizer optimizer;
  private final Loss loss;
  private final double baseLearningRate;
  private final RunIdentity identity;
  private final List<NamedParameter> named;
  private final GradientView view;
  private final LayerGradients layerGradients;
  private final SplitMix64 random;
  private final ValidationSplit split;
  private final TargetUnits units;
  private final List<String> featureNames;
  private final DataSchema schema;
  private int completedEpochs;
  private Path lastGoodCheckpoint;
  private final EarlyStopping early;
  /** The forward and backward passes of the steps, while {@link #run()} runs. */
  private Steps steps;
  /** The evaluation-mode forward passes of the validation scoring, compiled once for the run. */
  private final Predictions evaluation;

  TrainingRun(PluginCatalog plugins, Model model, Dataset data, TrainingConfig config, RunOptions options) {
    this.model = model;
    this.config = config;
    this.options = options;
    requireFits(model, data);
    this.optimizer = config.optimizer().resolve(plugins::optimizer);
    requireFresh(config.optimizer(), optimizer);
    this.loss = config.loss().resolve(plugins::loss);
    this.baseLearningRate = optimizer.learningRate();
    this.named = model.namedParameters();
    this.view = new GradientView(named.stream().map(NamedParameter::value).toList());
    this.layerGradients = new LayerGradients(model);
    this.random = new SplitMix64(config.seed());
    this.units = TargetUnits.of(config);
    this.featureNames = data.featureNames();
    this.schema = DataSchema.of(data, config.featureStandardizer().orElse(null),
        config.targetStandardizer().orElse(null));
    this.early = new EarlyStopping(config.earlyStoppingPatience());
    this.evaluation = new Predictions(model, config.engine());
    this.split = ValidationSplit.draw(units.trained(data), config.targetEncoding(), config.validationFraction(),
        random);
    this.identity = RunIdentity.of(model.architecture(), data.size(), data.name(),
        DataFingerprint.of(split.training(), split.validation()), config, plugins);
  }

  /** Refuses an optimizer instance that has taken steps already: it serves one run (see {@link TrainingConfig}). */
  private static void requireFresh(PluginChoice<Optimizer> choice, Optimizer optimizer) {
    if (choice instanceof PluginChoice.Given && !optimizer.state().isEmpty()) {
      throw new IllegalArgumentException("Optimizer '" + choice.name() + "' was given as an instance that has taken"
          + " steps already (its state holds " + optimizer.state().keySet() + "); an optimizer instance serves one"
          + " run. Build each run's config with a fresh instance, or name a registered optimizer so that every run"
          + " makes its own.");
    }
  }

  private static void requireFits(Model model, Dataset data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("There are no examples to train on; give at least one row.");
    }
    if (data.featureCount() != model.inputs()) {
      throw new IllegalArgumentException("The model takes " + model.inputs() + " inputs per row but the examples have "
          + data.featureCount() + "; build the model for the data's width.");
    }
    if (data.targetWidth() != model.outputs()) {
      throw new IllegalArgumentException("The model makes " + model.outputs()
          + " outputs per row but the examples have " + data.targetWidth()
          + " targets; build the model for the data's width.");
    }
  }

  /**
   * Puts the run where {@code checkpoint} left it, after checking it belongs to this run; a refused
   * checkpoint leaves the model as it was.
   */
  void restore(Checkpoint checkpoint, Path file) {
    String source = checkpoint.source();
    checkpoint.identity().requireResumableAs(identity, source);
    if (checkpoint.epoch() >= config.epochs()) {
      throw new IllegalArgumentException("Checkpoint " + source + " has already completed " + checkpoint.epoch()
          + " epochs and this run asks for " + config.epochs() + "; ask for more epochs to continue training.");
    }
    requireSameParameterNames(source, checkpoint);
    Map<String, double[]> previousBuffers = model.buffers();
    try {
      model.loadBuffers(checkpoint.buffers());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("Checkpoint " + source + " does not fit this model: " + e.getMessage(), e);
    }
    try {
      optimizer.loadState(checkpoint.optimizerState());
    } catch (IllegalArgumentException e) {
      model.loadBuffers(previousBuffers);
      throw new CheckpointException("Checkpoint " + source + " does not fit this optimizer: " + e.getMessage(), e);
    }
    Map<String, Double> values = checkpoint.parameters();
    for (NamedParameter parameter : named) {
      parameter.value().setData(values.get(parameter.name()));
    }
    random.restore(checkpoint.randomState());
    early.resume(checkpoint);
    completedEpochs = checkpoint.epoch();
    lastGoodCheckpoint = file;
    LOG.info("Resumed from {} after epoch {}", source, completedEpochs);
  }

  private void requireSameParameterNames(String source, Checkpoint checkpoint) {
    List<String> names = checkpoint.parameterNames();
    if (names.size() != named.size()) {
      throw new CheckpointException("Checkpoint " + source + " does not fit this model: the checkpoint has "
          + names.size() + " parameters, the model " + named.size() + ".");
    }
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equals(named.get(i).name())) {
        throw new CheckpointException("Checkpoint " + source + " does not fit this model: parameter " + i + " is '"
            + names.get(i) + "' in the checkpoint but '" + named.get(i).name() + "' in the model.");
      }
    }
  }

  /** Runs the remaining epochs and returns their metrics. */
  TrainingResult run() {
    long start = System.nanoTime();
    Rows training = split.training();
    int stepsPerEpoch = (training.size() + config.batchSize() - 1) / config.batchSize();
    int lastEpoch = options.stopAfterEpoch() == 0
        ? config.epochs() : Math.min(options.stopAfterEpoch(), config.epochs());
    TrainingPlan plan = new TrainingPlan(config, completedEpochs + 1, lastEpoch, training.size(),
        split.validation().size(), stepsPerEpoch);
    LOG.info("Training {} on {} examples ({} for validation): {}", model.architecture(), training.size(),
        split.validation().size(), config.describe());
    options.listeners().forEach(listener -> listener.onStart(plan));
    List<EpochMetrics> history = new ArrayList<>();
    boolean stopped = false;
    try (Steps opened = steps()) {
      steps = opened;
      for (int epoch = completedEpochs + 1; epoch <= lastEpoch && !stopped && !early.exhausted(); epoch++) {
        EpochMetrics metrics = runEpoch(epoch, training, stepsPerEpoch);
        if (metrics == null) {
          stopped = true;
          LOG.info("Stopped on request in epoch {}; the model is as it was after epoch {}", epoch, completedEpochs);
        } else {
          history.add(metrics);
          options.listeners().forEach(listener -> listener.onEpochEnd(metrics));
        }
      }
    }
    boolean stoppedEarly = early.exhausted() && completedEpochs < lastEpoch;
    // the best weights are put back at the run's end, not when it stops to be resumed (a stop request, stop-after)
    boolean ended = !stopped && (stoppedEarly || completedEpochs == config.epochs());
    if (early.active() && ended && early.bestEpoch() > 0 && early.bestEpoch() != completedEpochs) {
      restoreBest();
    }
    if (early.active() && ended && early.bestEpoch() > 0) {
      LOG.info("Early stopping: {} after epoch {}; kept the weights of epoch {}, the lowest validation loss {}",
          stoppedEarly ? "stopped" : "ran every epoch", completedEpochs, early.bestEpoch(), early.bestLoss());
    }
    model.setTraining(false);
    TrainingResult result = new TrainingResult(history, Duration.ofNanos(System.nanoTime() - start), stopped,
        early.active() && ended ? early.bestEpoch() : 0, stoppedEarly);
    options.listeners().forEach(listener -> listener.onEnd(result));
    return result;
  }

  /**
   * Runs epoch {@code epoch} and returns its metrics, or null if the stop request answered true
   * before one of its steps: the epoch is then dropped, the model's parameters, buffers and the
   * generator put back as they were before it.
   */
  private EpochMetrics runEpoch(int epoch, Rows training, int stepsPerEpoch) {
    long start = System.nanoTime();
    EpochStart before = options.canBeStopped() ? new EpochStart() : null;
    double lr = config.schedule().learningRate(baseLearningRate, epoch - 1, config.epochs());
    optimizer.setLearningRate(lr);
    model.setTraining(true);
    view.readValues();   // a resume or a restore may have set the leaves since the last step
    int[] order = new int[training.size()];
    Arrays.setAll(order, i -> i);
    random.shuffle(order);
    Rows shuffled = training.select(order);
    double[][] predictions = new double[training.size()][];
    double lossSum = 0;
    double penaltySum = 0;
    layerGradients.reset();
    long trainingStart = System.nanoTime();
    for (int step = 1; step <= stepsPerEpoch; step++) {
      if (before != null && options.stopRequested()) {
        before.putBack();
        return null;
      }
      int from = (step - 1) * config.batchSize();
      int to = Math.min(from + config.batchSize(), training.size());
      Rows batch = shuffled.slice(from, to);
      double value = steps.forward(batch, predictions, from);
      if (!Double.isFinite(value)) {
        DivergenceDiagnosis found = DivergenceDiagnosis.of(model, batch, featureNames, named, this::objective,
            config.loss().name());
        throw new TrainingDivergedException(epoch, step, value, lr, lastGoodCheckpoint, found.source(), found.text());
      }
      if (units.standardizes() && config.l2() > 0) {
        penaltySum += penalty();
      }
      double[] gradients = steps.backward();
      layerGradients.addMeanAbs(gradients);
      layerGradients.addNorm(config.clipping().clip(gradients));   // the norm from before clipping
      steps.update(optimizer, view);
      lossSum += value;
      LOG.debug("epoch {} step {}/{}: loss {}", epoch, step, stepsPerEpoch, value);
      int stepNumber = step;
      options.listeners().forEach(listener -> listener.onStep(epoch, stepNumber, stepsPerEpoch, value));
    }
    Duration trainingElapsed = Duration.ofNanos(System.nanoTime() - trainingStart);
    Scores train = units.standardizes()
        ? units.scores(predictions, shuffled.targets(), loss, config.task(), penaltySum / stepsPerEpoch)
        : Scores.of(lossSum / stepsPerEpoch, predictions, shuffled.targets(), config.task());
    Scores validation = Trainer.score(model, split.validation(), loss, config.task(), config.batchSize(), units,
        evaluation);
    completedEpochs = epoch;
    if (early.active()) {
      early.observe(epoch, validation.loss(), currentParameters(), model.buffers(), this::capture);
    }
    options.checkpointFile().ifPresent(file -> {
      requireFiniteParameters(file);
      capture().write(file);
      lastGoodCheckpoint = file;
    });
    EpochMetrics metrics = new EpochMetrics(epoch, lr, train, validation, layerGradients.meanNorm(),
        layerGradients.meanAbsByLayer(), Duration.ofNanos(System.nanoTime() - start), trainingElapsed);
    if (LOG.isInfoEnabled()) {
      LOG.info(describe(metrics));
    }
    return metrics;
  }

  /**
   * Puts the model back to the best epoch's parameters and buffers, and writes that epoch's
   * checkpoint, so that the file keeps the best weights (and resumes from the best epoch).
   */
  private void restoreBest() {
    Checkpoint last = capture();
    Map<String, Double> values = early.bestParameters();
    for (NamedParameter parameter : named) {
      parameter.value().setData(values.get(parameter.name()));
    }
    model.loadBuffers(early.bestBuffers());
    Checkpoint best = early.bestState() != null ? early.bestState() : last;
    options.checkpointFile().ifPresent(best::write);
  }

  /** Returns the steps of the config's engine. */
  private Steps steps() {
    return config.engine() == Engine.EAGER || !model.supportsCompiledReplay()
        ? new EagerSteps(model, view, this::objective)
        : new CompiledSteps(model, loss, config.l2(), view, config.threads());
  }

  /** Returns the mean loss over the batch, plus {@code l2·Σθ²} when l2 > 0, as one graph. */
  private Value objective(Value[][] outputs, double[][] targets) {
    Value mean = Value.meanLoss(loss, outputs, targets);
    if (config.l2() == 0) {
      return mean;
    }
    Value[] leaves = view.leaves();
    return mean.add(Value.dot(leaves, leaves).mul(config.l2()));
  }

  /** What an epoch changes, as it was before the epoch: put back when the run stops inside it. */
  private final class EpochStart {
    private final double[] parameters = new double[named.size()];
    private final Map<String, double[]> buffers = model.buffers();
    private final long randomState = random.state();

    EpochStart() {
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = named.get(i).value().data();
      }
    }

    void putBack() {
      for (int i = 0; i < parameters.length; i++) {
        named.get(i).value().setData(parameters[i]);
      }
      model.loadBuffers(buffers);
      random.restore(randomState);
    }
  }

  /**
   * Refuses to checkpoint a parameter that is NaN or infinite (an update that diverged after the
   * epoch's last finite loss), so the last good checkpoint stays.
   */
  private void requireFiniteParameters(Path file) {
    for (NamedParameter parameter : named) {
      double value = parameter.value().data();
      if (!Double.isFinite(value)) {
        throw new CheckpointException("Parameter '" + parameter.name() + "' became " + value + " in epoch "
            + completedEpochs + ", so that epoch's checkpoint was not written to " + file + (lastGoodCheckpoint == null
            ? "; no checkpoint was written before it." : "; the last good checkpoint is " + lastGoodCheckpoint + ".")
            + " Lower the learning rate or clip the gradients.");
      }
    }
  }

  /** Returns the L2 penalty {@code l2·Σθ²} at the parameters' current values. */
  private double penalty() {
    double sum = 0;
    for (Value leaf : view.leaves()) {
      sum += leaf.data() * leaf.data();
    }
    return config.l2() * sum;
  }

  private Map<String, Double> currentParameters() {
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (NamedParameter parameter : named) {
      parameters.put(parameter.name(), parameter.value().data());
    }
    return parameters;
  }

  private Checkpoint capture() {
    return Checkpoint.of(identity, completedEpochs, random.state(), currentParameters(), model.buffers(),
        optimizer.state(), schema).withBest(early.bestFor(completedEpochs));
  }

  private String describe(EpochMetrics m) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d lr %.4g: train loss %.6g",
        m.epoch(), config.epochs(), m.learningRate(), m.trainLoss()));
    appendMetrics(line, m.train());
    if (m.validation().isPresent()) {
      line.append(String.format(Locale.ROOT, ", validation loss %.6g", m.validationLoss()));
      appendMetrics(line, m.validation());
    }
    line.append(String.format(Locale.ROOT, ", gradient norm %.4g (%d ms)", m.gradientNorm(), m.elapsed().toMillis()));
    return line.toString();
  }

  private void appendMetrics(StringBuilder line, Scores scores) {
    if (config.task() == Task.CLASSIFICATION) {
      line.append(String.format(Locale.ROOT, " accuracy %.4f", scores.accuracy()));
    } else {
      line.append(String.format(Locale.ROOT, " MSE %.6g R² %.4f", scores.mse(), scores.r2()));
    }
  }

  /** Returns the numbers of a row of values. */
  static double[] numbers(Value[] row) {
    double[] numbers = new double[row.length];
    for (int c = 0; c < row.length; c++) {
      numbers[c] = row[c].data();
    }
    return numbers;
  }
}
