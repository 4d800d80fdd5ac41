package dev.retrograd.train;

import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Layer;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.train.TrainingDivergedException.Source;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a step's first value that is not finite came from, in this order: an input or a
 * target of the batch; a parameter (an earlier update overflowed it); else the first op that made
 * one from finite inputs, found by running the step's forward pass and loss again with anomaly
 * detection on, layer by layer for an {@link Mlp}. The second pass runs in training mode, so batch
 * normalization's running statistics of the failed model move once more; the run stops anyway, and
 * its last good checkpoint is untouched.
 *
 * @param source where it came from
 * @param text what was found, one clause
 */
record DivergenceDiagnosis(Source source, String text) {

  private static final Pattern ANOMALY = Pattern.compile("op '([^']*)' produced (\\S+) from finite inputs");

  /**
   * Diagnoses the step over {@code batch}.
   *
   * @param featureNames the name of each input column
   * @param objective the step's loss from the model's outputs and the batch's targets
   * @param lossName the loss's name, for messages
   */
  static DivergenceDiagnosis of(Model model, Rows batch, List<String> featureNames, List<NamedParameter> parameters,
      BiFunction<Value[][], double[][], Value> objective, String lossName) {
    for (double[] row : batch.inputs()) {
      for (int c = 0; c < row.length; c++) {
        if (!Double.isFinite(row[c])) {
          return new DivergenceDiagnosis(Source.INPUT, "input '" + featureNames.get(c) + "' of an example is "
              + row[c] + ", so the data hold a value that is not finite");
        }
      }
    }
    for (double[] row : batch.targets()) {
      for (double target : row) {
        if (!Double.isFinite(target)) {
          return new DivergenceDiagnosis(Source.TARGET, "the target of an example is " + target
              + ", so the data hold a value that is not finite");
        }
      }
    }
    for (NamedParameter parameter : parameters) {
      double value = parameter.value().data();
      if (!Double.isFinite(value)) {
        return new DivergenceDiagnosis(Source.PARAMETER, "parameter " + parameter.name() + " was already " + value
            + " before this step, so an earlier update overflowed it; the learning rate may be too high");
      }
    }
    boolean wasOn = Value.anomalyDetection();
    Value.setAnomalyDetection(true);
    try {
      return rerun(model, batch, objective, lossName);
    } finally {
      Value.setAnomalyDetection(wasOn);
    }
  }

  private static DivergenceDiagnosis rerun(Model model, Rows batch, BiFunction<Value[][], double[][], Value> objective,
      String lossName) {
    Value[][] activations = Model.leaves(batch.inputs());
    if (model instanceof Mlp mlp) {
      List<Layer> layers = mlp.layers();
      for (int l = 0; l < layers.size(); l++) {
        try {
          activations = layers.get(l).forward(activations);
        } catch (ArithmeticException anomaly) {
          return new DivergenceDiagnosis(Source.OPERATION, "layer" + (l + 1) + " (" + layers.get(l).spec()
              + ") made the first value that is not finite: " + shortened(anomaly));
        }
      }
    } else {
      try {
        activations = model.forward(activations);
      } catch (ArithmeticException anomaly) {
        return new DivergenceDiagnosis(Source.OPERATION, "the model's forward pass made the first value that is not"
            + " finite: " + shortened(anomaly));
      }
    }
    try {
      objective.apply(activations, batch.targets());
    } catch (ArithmeticException anomaly) {
      return new DivergenceDiagnosis(Source.LOSS, "the loss '" + lossName + "' made the first value that is not finite ("
          + shortened(anomaly) + "), with predictions as large as " + largest(activations)
          + "; they have grown too large, so the learning rate may be too high");
    }
    return new DivergenceDiagnosis(Source.UNKNOWN, "running the step again found no input, parameter or op that is"
        + " not finite; the learning rate may be too high");
  }

  /** Returns "op 'exp' produced Infinity from finite inputs" out of the anomaly's message, without the inputs. */
  private static String shortened(ArithmeticException anomaly) {
    Matcher matcher = ANOMALY.matcher(String.valueOf(anomaly.getMessage()));
    return matcher.find() ? matcher.group() : String.valueOf(anomaly.getMessage());
  }

  private static String largest(Value[][] rows) {
    double largest = 0;
    for (Value[] row : rows) {
      for (Value value : row) {
        largest = Math.max(largest, Math.abs(value.data()));
      }
    }
    return String.format(java.util.Locale.ROOT, "%.3g", largest);
  }
}
