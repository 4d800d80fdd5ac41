package dev.retrograd.train;

import dev.retrograd.api.PluginCatalog;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.registry.Plugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A trained model ready to score raw rows: the network a checkpoint holds, with the
 * standardization of its features and the meaning of its outputs ({@link DataSchema}).
 *
 * <pre>{@code
 * Predictor predictor = Predictor.load(Path.of("runs/iris/checkpoint.txt"));
 * Prediction p = predictor.predict(new double[] {6.3, 2.9, 5.6, 1.8});   // raw, as in the CSV file
 * p.className();       // "virginica"
 * p.probabilities();   // one per class, summing to 1
 * }</pre>
 *
 * <p>The weights are the checkpoint's, or, when early stopping kept a better epoch's beside them (a
 * checkpoint written after epochs that did not improve), that epoch's. A row is standardized with
 * the training statistics, run through the network in evaluation
 * mode without recording a graph, and its outputs read as the task says: a class and its
 * probabilities, or a number turned back into the target's units. Instances are not thread-safe.
 */
public final class Predictor {

  private static final int BATCH_SIZE = 256;

  private final Mlp model;
  private final DataSchema schema;
  private final String loss;
  private final Checkpoint checkpoint;
  /** The compiled forward passes, kept from one call to the next. */
  private final Predictions forward;

  private Predictor(Mlp model, DataSchema schema, String loss, Checkpoint checkpoint) {
    this.model = model;
    this.schema = schema;
    this.loss = loss;
    this.checkpoint = checkpoint;
    this.forward = new Predictions(model, Engine.COMPILED);
  }

  /**
   * Loads the predictor of {@code checkpoint}, with the plugins on the class path.
   *
   * @throws CheckpointException if the file is not an intact checkpoint, or holds no data schema
   *     (format 2), or its model cannot be rebuilt
   */
  public static Predictor load(Path checkpoint) {
    return load(checkpoint, Plugins.load());
  }

  /**
   * Loads the predictor of {@code checkpoint}, making the model's activations from {@code plugins}.
   *
   * @throws CheckpointException as {@link #load(Path)}
   */
  public static Predictor load(Path checkpoint, PluginCatalog plugins) {
    return of(Checkpoint.read(checkpoint), plugins);
  }

  /**
   * Returns the predictor of a checkpoint already read.
   *
   * @throws CheckpointException if it holds no data schema, or its model cannot be rebuilt
   */
  public static Predictor of(Checkpoint checkpoint, PluginCatalog plugins) {
    Objects.requireNonNull(plugins, "plugins");
    String source = checkpoint.source();
    DataSchema schema = checkpoint.schema().orElseThrow(() -> new CheckpointException("Checkpoint " + source
        + " has no data schema (feature names, standardization, class names): it was written by an older retrograd,"
        + " in format 2, and can resume training but not score new rows. Train the model again to predict with it."));
    Mlp model;
    try {
      model = Mlp.of(MlpSpec.parse(checkpoint.identity().architecture()), plugins, new SplittableRandom(0));
      model.loadBuffers(checkpoint.bestBuffers());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CheckpointException("Checkpoint " + source + " holds a model that cannot be rebuilt: "
          + e.getMessage(), e);
    }
    Map<String, Double> values = checkpoint.bestParameters();
    List<NamedParameter> named = model.namedParameters();
    if (values.size() != named.size() || !values.keySet().containsAll(named.stream().map(NamedParameter::name)
        .toList())) {
      throw new CheckpointException("Checkpoint " + source + " has " + values.size() + " parameters but its"
          + " architecture '" + checkpoint.identity().architecture() + "' has " + named.size() + "; the file is"
          + " inconsistent.");
    }
    if (schema.featureNames().size() != model.inputs()) {
      throw new CheckpointException("Checkpoint " + source + " names " + schema.featureNames().size()
          + " features but its model takes " + model.inputs() + "; the file is inconsistent.");
    }
    for (NamedParameter parameter : named) {
      parameter.value().setData(values.get(parameter.name()));
    }
    model.setTraining(false);
    return new Predictor(model, schema, checkpoint.identity().loss(), checkpoint);
  }

  /** Returns the feature names, standardization, task and class names of the model. */
  public DataSchema schema() {
    return schema;
  }

  /** Returns the network, in evaluation mode, with the checkpoint's weights. */
  public Mlp model() {
    return model;
  }

  /** Returns the checkpoint the predictor was loaded from. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Returns the name of the loss the model was trained with, which decides how outputs become probabilities. */
  public String loss() {
    return loss;
  }

  /**
   * Returns the network's outputs for raw rows (standardized first), 256 rows per forward pass,
   * replayed from one compiled forward pass per batch size (the eager forward pass's numbers, bit
   * for bit), without recording a graph.
   *
   * @throws IllegalArgumentException for a row of another width than the model's features
   */
  public double[][] outputs(double[][] rawRows) {
    double[][] standardized = new double[rawRows.length][];
    for (int r = 0; r < rawRows.length; r++) {
      standardized[r] = schema.standardized(rawRows[r]);
    }
    return forward.of(standardized, BATCH_SIZE);
  }

  /** Returns the prediction for one raw row. */
  public Prediction predict(double[] rawRow) {
    return predict(new double[][] {rawRow}).get(0);
  }

  /** Returns the predictions for raw rows, in order. */
  public List<Prediction> predict(double[][] rawRows) {
    double[][] outputs = outputs(rawRows);
    List<Prediction> predictions = new ArrayList<>(outputs.length);
    for (double[] row : outputs) {
      predictions.add(prediction(row));
    }
    return predictions;
  }

  /** Returns what the outputs of one row mean. */
  Prediction prediction(double[] outputs) {
    if (schema.task() == Task.REGRESSION) {
      return new Prediction(-1, "", new double[0], schema.targetValue(outputs[0]));
    }
    int label = Metrics.predictedClass(outputs);
    return new Prediction(label, schema.classNames().get(label), probabilities(outputs), Double.NaN);
  }

  private double[] probabilities(double[] outputs) {
    boolean already = loss.equals("binary_cross_entropy");
    if (outputs.length == 1) {
      double p = already ? outputs[0] : 1 / (1 + Math.exp(-outputs[0]));
      return new double[] {1 - p, p};
    }
    double[] p = new double[outputs.length];
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (double output : outputs) {
      max = Math.max(max, output);
    }
    for (int c = 0; c < p.length; c++) {
      p[c] = already ? outputs[c] : Math.exp(outputs[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
