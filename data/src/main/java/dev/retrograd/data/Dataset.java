package dev.retrograd.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A named table of examples: row i of {@code features} has class {@code labels[i]}
 * (classification) or the number {@code targets[i]} (regression).
 *
 * <pre>
 * Dataset moons = Moons.generate(100, 0.1, 7);
 * double[][] targets = moons.targetRows(TargetEncoding.ONE_HOT);   // (1, 0) or (0, 1) per row
 * </pre>
 *
 * <p><b>A classification data set has no targets; a regression data set has no labels and no
 * class names</b> (those arrays and lists are empty). Arrays are shared, not copied: a data set
 * does not change them, and neither should its users.
 *
 * @param name what the data set is called ("moons", "digits", a CSV file's name)
 * @param task classification or regression
 * @param featureNames one name per feature column
 * @param features one row of numbers per example, each {@code featureNames.size()} wide
 * @param targetName what the target column is called ("class", "y", the CSV column)
 * @param classNames the name of each class index (classification), empty for regression
 * @param labels one class index in [0, classNames.size()) per row (classification), else empty
 * @param targets one number per row (regression), else empty
 */
public record Dataset(
    String name,
    Task task,
    List<String> featureNames,
    double[][] features,
    String targetName,
    List<String> classNames,
    int[] labels,
    double[] targets) {

  private static final int[] NO_LABELS = {};
  private static final double[] NO_TARGETS = {};
  /** The most names or counts a summary lists in full. */
  private static final int LISTED = 8;

  /** Checks that every row has one label or target, the declared width, and a known class. */
  public Dataset {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a data set needs a name, was '" + name + "'");
    }
    if (task == null) {
      throw new IllegalArgumentException("data set '" + name + "' needs a task, CLASSIFICATION or REGRESSION");
    }
    featureNames = List.copyOf(featureNames);
    classNames = List.copyOf(classNames);
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != featureNames.size()) {
        throw new IllegalArgumentException("data set '" + name + "' row " + i + " has " + features[i].length
            + " features but there are " + featureNames.size() + " feature names " + featureNames);
      }
    }
    if (task == Task.CLASSIFICATION) {
      requireClassification(name, features.length, classNames, labels, targets);
    } else {
      requireRegression(name, features.length, classNames, labels, targets);
    }
  }

  private static void requireClassification(
      String name, int rows, List<String> classNames, int[] labels, double[] targets) {
    if (labels.length != rows) {
      throw new IllegalArgumentException(
          "a data set needs one label per row, got " + labels.length + " labels for " + rows + " rows");
    }
    if (targets.length != 0) {
      throw new IllegalArgumentException("classification data set '" + name
          + "' has labels, not targets; pass an empty targets array");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException("data set '" + name + "' row " + i + " has label " + labels[i]
            + " but the classes are 0.." + (classNames.size() - 1) + " " + classNames);
      }
    }
  }

  private static void requireRegression(
      String name, int rows, List<String> classNames, int[] labels, double[] targets) {
    if (targets.length != rows) {
      throw new IllegalArgumentException(
          "a data set needs one target per row, got " + targets.length + " targets for " + rows + " rows");
    }
    if (labels.length != 0 || !classNames.isEmpty()) {
      throw new IllegalArgumentException("regression data set '" + name
          + "' has targets, not labels or classes; pass an empty labels array and no class names");
    }
  }

  /**
   * Creates an unnamed classification data set ("data") with features x1, x2, … and classes named
   * "0" to the largest label, as the first version of this record was.
   */
  public Dataset(double[][] features, int[] labels) {
    this("data", Task.CLASSIFICATION, numbered("x", width(features)), features, "class",
        numbered("", largest(labels) + 1, 0), labels, NO_TARGETS);
  }

  /** Returns a classification data set whose target column is called "class". */
  public static Dataset classification(
      String name, List<String> featureNames, double[][] features, List<String> classNames, int[] labels) {
    return new Dataset(name, Task.CLASSIFICATION, featureNames, features, "class", classNames, labels, NO_TARGETS);
  }

  /** Returns a regression data set predicting {@code targetName}. */
  public static Dataset regression(
      String name, List<String> featureNames, double[][] features, String targetName, double[] targets) {
    return new Dataset(name, Task.REGRESSION, featureNames, features, targetName, List.of(), NO_LABELS, targets);
  }

  /** Returns "x1", "x2", … "x{count}" for prefix "x". */
  static List<String> numbered(String prefix, int count) {
    return numbered(prefix, count, 1);
  }

  /** Returns prefix + first, prefix + (first + 1), … ({@code count} names). */
  static List<String> numbered(String prefix, int count, int first) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(prefix + (first + i));
    }
    return names;
  }

  private static int width(double[][] features) {
    return features.length == 0 ? 0 : features[0].length;
  }

  private static int largest(int[] labels) {
    int largest = -1;
    for (int label : labels) {
      largest = Math.max(largest, label);
    }
    return largest;
  }

  /** Returns the number of examples. */
  public int size() {
    return features.length;
  }

  /** Returns the number of features per row. */
  public int featureCount() {
    return featureNames.size();
  }

  /** Returns the number of classes, 0 for regression. */
  public int classCount() {
    return classNames.size();
  }

  /** Returns how many rows each class has, indexed by label (empty for regression). */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /**
   * Returns one target row per example, as a network's outputs are compared with them: for
   * regression a 1-wide row holding the target; for classification a {@code classCount()}-wide
   * row with 1 at the row's class and, elsewhere, 0 ({@link TargetEncoding#ONE_HOT}, the targets
   * of {@code cross_entropy}) or −1 ({@link TargetEncoding#SIGNS}, the one-vs-rest targets of a
   * margin loss such as {@code hinge}).
   *
   * @throws IllegalStateException for {@link TargetEncoding#SIGNS} on a regression data set
   */
  public double[][] targetRows(TargetEncoding encoding) {
    if (task == Task.REGRESSION) {
      if (encoding == TargetEncoding.SIGNS) {
        throw new IllegalStateException("data set '" + name
            + "' is a regression data set; ±1 target rows need classes, use TargetEncoding.ONE_HOT");
      }
      double[][] rows = new double[targets.length][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new double[] {targets[i]};
      }
      return rows;
    }
    double elsewhere = encoding == TargetEncoding.SIGNS ? -1.0 : 0.0;
    double[][] rows = new double[labels.length][classNames.size()];
    for (int i = 0; i < rows.length; i++) {
      Arrays.fill(rows[i], elsewhere);
      rows[i][labels[i]] = 1.0;
    }
    return rows;
  }

  /** Returns the width of {@link #targetRows}: the number of classes, or 1 for regression. */
  public int targetWidth() {
    return task == Task.REGRESSION ? 1 : classNames.size();
  }

  /** Returns the rows at {@code rows}, in that order, with this data set's names (rows shared). */
  public Dataset select(int[] rows) {
    double[][] x = new double[rows.length][];
    int[] y = task == Task.CLASSIFICATION ? new int[rows.length] : NO_LABELS;
    double[] t = task == Task.REGRESSION ? new double[rows.length] : NO_TARGETS;
    for (int i = 0; i < rows.length; i++) {
      x[i] = features[rows[i]];
      if (task == Task.CLASSIFICATION) {
        y[i] = labels[rows[i]];
      } else {
        t[i] = targets[rows[i]];
      }
    }
    return new Dataset(name, task, featureNames, x, targetName, classNames, y, t);
  }

  /** Returns this data set with other feature rows (same count and width), e.g. standardized ones. */
  public Dataset withFeatures(double[][] newFeatures) {
    if (newFeatures.length != features.length) {
      throw new IllegalArgumentException("data set '" + name + "' has " + features.length
          + " rows, the new features have " + newFeatures.length);
    }
    return new Dataset(name, task, featureNames, newFeatures, targetName, classNames, labels, targets);
  }

  /**
   * Returns this data set with other regression targets (one per row), e.g. standardized ones.
   *
   * @throws IllegalStateException for a classification data set, which has labels, not targets
   */
  public Dataset withTargets(double[] newTargets) {
    if (task != Task.REGRESSION) {
      throw new IllegalStateException("data set '" + name + "' is a classification data set; it has labels, not"
          + " targets");
    }
    return new Dataset(name, task, featureNames, features, targetName, classNames, labels, newTargets);
  }

  /**
   * Returns a one-line summary, e.g. {@code moons: 100 rows, 2 features [x1, x2], classification
   * of class into 2 classes [0, 1] (50, 50)}; past 8 classes the names are
   * abbreviated and the counts given as a range, {@code (12 to 40 rows each)}.
   */
  @Override
  public String toString() {
    String head = name + ": " + size() + " rows, " + featureCount() + " features " + abbreviated(featureNames);
    if (task == Task.REGRESSION) {
      return head + ", regression of " + targetName;
    }
    int[] classCounts = classCounts();
    String counts = classCounts.length <= LISTED
        ? Arrays.stream(classCounts).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"))
        : "(" + Arrays.stream(classCounts).min().getAsInt() + " to " + Arrays.stream(classCounts).max().getAsInt()
            + " rows each)";
    return head + ", classification of " + targetName + " into " + classCount() + " classes "
        + abbreviated(classNames) + " " + counts;
  }


  private static String abbreviated(List<String> names) {
    if (names.size() <= LISTED) {
      return names.toString();
    }
    return "[" + String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1) + "]";
  }
}
