package dev.retrograd.train;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trained model expects of a row and what its outputs mean: everything prediction needs
 * beside the weights, kept in a checkpoint so that raw new rows can be scored.
 *
 * <pre>{@code
 * DataSchema schema = DataSchema.of(rawTrain, featureScaler, null);
 * double[] z = schema.standardized(rawRow);              // (x − mean) / std per feature
 * }</pre>
 *
 * @param featureNames the features, in the order the model takes them
 * @param featureStandardizer the statistics the features were standardized with before training,
 *     empty when the model takes them as they are
 * @param task classification or regression
 * @param targetName what the target column is called
 * @param classNames the name of each class index (classification), empty for regression
 * @param targetStandardizer the statistics of a regression target standardized in training, whose
 *     {@link Standardizer#invert} turns the model's output into the target's units; else empty
 */
public record DataSchema(List<String> featureNames, Optional<Standardizer> featureStandardizer, Task task,
    String targetName, List<String> classNames, Optional<Standardizer> targetStandardizer) {

  /** Checks that the parts fit together. */
  public DataSchema {
    featureNames = List.copyOf(featureNames);
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(targetName, "targetName");
    if (featureStandardizer.isPresent() && featureStandardizer.get().mean().length != featureNames.size()) {
      throw new IllegalArgumentException("the feature standardizer has " + featureStandardizer.get().mean().length
          + " columns but there are " + featureNames.size() + " features");
    }
    if ((task == Task.CLASSIFICATION) == classNames.isEmpty()) {
      throw new IllegalArgumentException("a classification schema needs class names and a regression schema none,"
          + " was " + task + " with " + classNames);
    }
    if (targetStandardizer.isPresent() && task != Task.REGRESSION) {
      throw new IllegalArgumentException("only a regression target is standardized");
    }
  }

  /**
   * Returns the schema of a run on {@code data} (its names and task), whose features were
   * standardized with {@code featureStandardizer} (null for none) and its target with
   * {@code targetStandardizer} (null for none).
   */
  public static DataSchema of(Dataset data, Standardizer featureStandardizer, Standardizer targetStandardizer) {
    return new DataSchema(data.featureNames(), Optional.ofNullable(featureStandardizer), data.task(),
        data.targetName(), data.classNames(), Optional.ofNullable(targetStandardizer));
  }

  /** Returns the row as the model takes it: standardized, or the row itself without a standardizer. */
  public double[] standardized(double[] raw) {
    if (raw.length != featureNames.size()) {
      throw new IllegalArgumentException("the model takes " + featureNames.size() + " features but the row has "
          + raw.length);
    }
    return featureStandardizer.map(s -> s.apply(raw)).orElse(raw);
  }

  /** Returns one of the model's regression outputs in the target's units: {@code z · std + mean}, or z itself. */
  public double targetValue(double output) {
    return targetStandardizer.map(s -> s.invert(new double[] {output})[0]).orElse(output);
  }
}
