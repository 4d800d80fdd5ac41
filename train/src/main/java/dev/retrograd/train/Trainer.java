package dev.retrograd.train;

import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Model;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Trains a {@link Model}: the loop of forward, loss, backward and update over epochs of shuffled
 * mini-batches, with the optimizer and loss the config holds as instances or else made by name from
 * a plugin catalog.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(Plugins.load());
 * TrainingConfig config = TrainingConfig.builder()
 *     .optimizer("adam", Hyperparameters.parse("lr=0.01")).loss("cross_entropy").task(Task.CLASSIFICATION)
 *     .epochs(20).validationFraction(0.2)
 *     .build();
 * TrainingResult result = trainer.fit(model, examples, config,
 *     RunOptions.none().withCheckpoint(Path.of("out/checkpoint.txt")));
 * Scores test = trainer.evaluate(model, testExamples, config);
 * }</pre>
 *
 * <p>Each step, for a mini-batch of rows B:
 * <ol>
 *   <li>forward: {@code model.forward(B)} in training mode;
 *   <li>loss: {@code L = (1/|B|)·Σ_b loss(prediction_b, target_b) + l2·Σθ²} (the L2 term only when
 *       {@code l2 > 0}); a NaN or infinite L stops the run with {@link TrainingDivergedException}
 *       before its backward pass, naming where the first value that is not finite came from;
 *   <li>backward: every parameter's gradient zeroed, then {@code L.backward()};
 *   <li>clipping of the gradients ({@link Clipping}), then {@code optimizer.step}.
 * </ol>
 *
 * <p>Each epoch sets the learning rate from the {@link Schedule} and draws a fresh permutation of the
 * training rows from a {@link SplitMix64} seeded by the config's seed; its last batch may be smaller
 * (torch's {@code DataLoader(shuffle=True, drop_last=False)}). The validation rows, if any, are drawn
 * from the same generator once at the start and evaluated in evaluation mode after every epoch.
 * <b>Same config, model and data: the same run, number for number</b>, and a run resumed from a
 * checkpoint continues exactly as if never stopped.
 *
 * <p>With early stopping in the config ({@link TrainingConfig.Builder#earlyStopping}), a run stops
 * after that many epochs in a row without a validation loss below the best so far, and ends with the
 * best epoch's parameters and buffers, in the model and in the checkpoint
 * ({@link TrainingResult#bestEpoch()}). Every checkpoint also carries the {@link DataSchema}, so that
 * a {@link Predictor} can score raw rows with it.
 *
 * <p>With a target standardizer in the config, a regression run trains on standardized targets and
 * reports every score in the target's units (see {@link TrainingConfig}).
 *
 * <p>Instances are immutable; one run at a time per model.
 */
public final class Trainer {

  private final PluginCatalog plugins;

  /** Creates a trainer that makes the optimizers and losses a config names from {@code plugins}. */
  public Trainer(PluginCatalog plugins) {
    this.plugins = Objects.requireNonNull(plugins, "plugins");
  }

  /** Trains {@code model} on {@code data} without listeners or checkpoints. */
  public TrainingResult fit(Model model, Dataset data, TrainingConfig config) {
    return fit(model, data, config, RunOptions.none());
  }

  /**
   * Trains {@code model} on {@code data} from epoch 1 to {@code config.epochs()} (or
   * {@code options.stopAfterEpoch()}), writing the checkpoint after every epoch if one is given.
   * The model is left in evaluation mode. When {@code options}' stop request answers true before a
   * step, the run ends there with the model as it was after the last completed epoch
   * ({@link TrainingResult#stopped()}).
   *
   * @throws TrainingDivergedException if a loss becomes NaN or infinite
   * @throws IllegalArgumentException if the data do not fit the model or the split leaves no
   *     training rows
   * @throws dev.retrograd.api.PluginException for an unknown plugin or bad hyperparameters
   * @throws IllegalArgumentException also for an optimizer instance that has taken steps already
   */
  public TrainingResult fit(Model model, Dataset data, TrainingConfig config, RunOptions options) {
    return new TrainingRun(plugins, model, data, config, options).run();
  }

  /**
   * Continues the run saved in {@code checkpoint} up to {@code config.epochs()}: restores the
   * model's parameters and buffers, the optimizer's state, the schedule's position and the random
   * state, then trains on as {@link #fit} would have. {@code options.checkpoint()} may be the same
   * file.
   *
   * @throws CheckpointException if the checkpoint is unreadable, altered or damaged (its checksum does
   *     not match), or was saved by a different model, optimizer, loss or setting, or on other data
   *     (its {@link DataFingerprint} differs); the message says what differs
   * @throws IllegalArgumentException if the checkpoint has already completed {@code config.epochs()}, or
   *     for an optimizer instance that has taken steps already
   * @throws TrainingDivergedException if a loss becomes NaN or infinite
   */
  public TrainingResult resume(Model model, Dataset data, TrainingConfig config, Path checkpoint,
      RunOptions options) {
    TrainingRun run = new TrainingRun(plugins, model, data, config, options);
    run.restore(Checkpoint.read(checkpoint), checkpoint);
    return run.run();
  }

  /**
   * Returns the scores of {@code model} on {@code data} in evaluation mode, with the config's loss
   * (without the L2 penalty) and the metrics of its task, such as the test-set scores after
   * training. The model's mode is restored afterwards.
   */
  public Scores evaluate(Model model, Dataset data, TrainingConfig config) {
    Loss loss = config.loss().resolve(plugins::loss);
    TargetUnits units = TargetUnits.of(config);
    return score(model, Rows.of(units.trained(data), config.targetEncoding()), loss, config.task(),
        config.batchSize(), units, new Predictions(model, config.engine()));
  }

  /**
   * Scores {@code data} (targets in training units) in evaluation mode, {@code batchSize} rows per
   * forward pass, in the reported units; the forward passes are compiled and replayed, or eager and
   * record no graph (see {@link Predictions}).
   */
  static Scores score(Model model, Rows data, Loss loss, Task task, int batchSize, TargetUnits units,
      Predictions predictions) {
    if (data.size() == 0) {
      return Scores.NONE;
    }
    boolean wasTraining = model.isTraining();
    model.setTraining(false);
    try {
      return units.scores(predictions.of(data.inputs(), batchSize), data.targets(), loss, task, 0);
    } finally {
      model.setTraining(wasTraining);
    }
  }
}
