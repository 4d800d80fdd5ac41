package dev.retrograd.demo.cli;

import dev.retrograd.data.CsvRows;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.IdxDataset;
import dev.retrograd.data.IdxFile;
import dev.retrograd.data.ImageShape;
import dev.retrograd.data.Split;
import dev.retrograd.data.Task;
import dev.retrograd.train.Checkpoint;
import dev.retrograd.train.DataSchema;
import dev.retrograd.train.Predictor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The rows {@code predict} and {@code evaluate} give a trained model: a CSV file of raw rows (the
 * target column optional), MNIST's IDX files (images, and labels if given), or the test set of a
 * built-in data set. Every row is checked against the model's {@link DataSchema}.
 */
public final class ModelInputs {

  private final Map<String, DataSource> sources;

  @Option(names = "--data", paramLabel = "FILE",
      description = "A CSV file with a header row naming the model's features (the target column optional), or"
          + " an IDX images file (…-images-idx3-ubyte, raw or .gz).")
  Path file;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "The IDX labels file of the --data images (…-labels-idx1-ubyte). Default: the file beside"
          + " the images whose name has 'labels-idx1' for 'images-idx3', if it exists.")
  Path labels;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "Instead of --data, the test set of a built-in data set: the official one of fashion-mnist and"
          + " mnist, or the one train held out, drawn again with the run's seed and --samples, --noise, --classes"
          + " and --test-fraction as train had them (checked against the checkpoint's data fingerprint).")
  String dataset;

  @Mixin
  GeneratorOptions generator;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "With --dataset: the share train held out for the test. Default: ${DEFAULT-VALUE}, as train's.")
  double testFraction;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the IDX files of --dataset.")
  Path dataDir;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Read only the first N rows.")
  int limit;

  /** Creates the options over the data sources bound by name. */
  @Inject
  ModelInputs(Map<String, DataSource> sources) {
    this.sources = sources;
  }

  /**
   * Raw rows for a model, with their targets when the input has them.
   *
   * @param name the input's name, for messages and the output folder
   * @param features the raw feature rows, in the model's feature order
   * @param rowNumbers what names each row: its line in a CSV file, its index from 1 in an IDX file
   * @param labels the class of each row, or null when the input has none (or for regression)
   * @param targets the regression target of each row, or null when the input has none
   */
  record Rows(String name, double[][] features, int[] rowNumbers, int[] labels, double[] targets) {

    boolean hasTargets() {
      return labels != null || targets != null;
    }
  }

  /** Checks the options without reading anything. */
  void check() {
    if ((file == null) == (dataset == null)) {
      throw new IllegalArgumentException("Give the rows to score with --data FILE (CSV or IDX images) or --dataset"
          + " NAME, one of them.");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 1, or 0 for all rows, was " + limit);
    }
    if (labels != null && (file == null || !isIdx(file))) {
      throw new IllegalArgumentException("--labels goes with --data IMAGES, an IDX images file.");
    }
  }

  /**
   * Returns the rows, checked against the predictor's {@link DataSchema}; a built-in data set is
   * generated and split with the seed of the run that wrote the predictor's checkpoint, and refused
   * unless its training rows are that run's.
   *
   * @throws IOException when a file cannot be read
   * @throws dev.retrograd.data.CsvFormatException for a CSV row that does not fit the model, naming its line
   * @throws IllegalArgumentException for IDX images of another size, or classes the model does not know
   */
  Rows read(Predictor predictor) throws IOException {
    check();
    DataSchema schema = predictor.schema();
    if (dataset != null) {
      return fromDataset(schema, predictor.checkpoint());
    }
    if (isIdx(file)) {
      return fromIdx(schema);
    }
    CsvRows rows = CsvRows.read(file, schema.featureNames(), schema.targetName(), schema.classNames());
    boolean classes = schema.task() == Task.CLASSIFICATION;
    return limited(new Rows(rows.file(), rows.features(), rows.lines(),
        rows.hasTarget() && classes ? rows.labels() : null, rows.hasTarget() && !classes ? rows.targets() : null));
  }

  private Rows fromIdx(DataSchema schema) throws IOException {
    Path labelFile = labels != null ? labels : besideImages(file);
    double[][] pixels;
    List<String> names;
    int[] y = null;
    if (labelFile != null && schema.task() == Task.CLASSIFICATION) {
      Dataset read = IdxDataset.load(file, labelFile, file.getFileName().toString(), null, limit);
      pixels = read.features();
      names = read.featureNames();
      y = read.labels();
      for (int i = 0; i < y.length; i++) {
        if (y[i] >= schema.classNames().size()) {
          throw new IllegalArgumentException(labelFile.getFileName() + ": label " + y[i] + " of image " + (i + 1)
              + " is not a class the model knows; its classes are 0 to " + (schema.classNames().size() - 1) + " "
              + schema.classNames() + ".");
        }
      }
    } else {
      IdxFile.Images images = IdxFile.images(file, limit);
      pixels = images.pixels();
      names = images.featureNames();
    }
    if (!names.equals(schema.featureNames())) {
      throw new IllegalArgumentException(file.getFileName() + " holds images of " + ImageShape.of(names)
          .map(ImageShape::toString).orElse("?") + " pixels (" + names.size() + " features), but the model takes "
          + schema.featureNames().size() + " features " + abbreviated(schema) + ".");
    }
    int[] numbers = new int[pixels.length];
    java.util.Arrays.setAll(numbers, i -> i + 1);
    return new Rows(file.getFileName().toString(), pixels, numbers, y, null);
  }

  /** Returns the labels file beside {@code images}, named with {@code labels-idx1} for {@code images-idx3}, if it exists. */
  private static Path besideImages(Path images) {
    String name = images.getFileName().toString();
    if (!name.contains("images-idx3")) {
      return null;
    }
    Path beside = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
    return java.nio.file.Files.isRegularFile(beside) ? beside : null;
  }

  private Rows fromDataset(DataSchema schema, Checkpoint checkpoint) throws IOException {
    Map<String, DataSource> builtIn = new TreeMap<>(sources);
    builtIn.remove(DataOptions.CSV);
    DataSource source = builtIn.get(dataset);
    if (source == null) {
      throw new IllegalArgumentException("Unknown data set '" + dataset + "'; available: " + builtIn.keySet()
          + ", or --data FILE.");
    }
    long seed = checkpoint.identity().seed();
    DataSettings settings = new DataSettings(null, null, null, generator.samples, generator.noise,
        generator.classes, seed, dataDir, limit);
    Split split = source.split(settings, testFraction);
    Dataset test = split.test();
    if (!source.hasOwnTestSet()) {
      requireTrainingRowsOf(checkpoint, schema, split.train());
    }
    if (!test.featureNames().equals(schema.featureNames())) {
      throw new IllegalArgumentException("Data set '" + dataset + "' has the features " + abbreviatedNames(test)
          + ", but the model takes " + abbreviated(schema) + ".");
    }
    int[] numbers = new int[test.size()];
    java.util.Arrays.setAll(numbers, i -> i + 1);
    if (test.task() == Task.REGRESSION) {
      return new Rows(test.name(), test.features(), numbers, null, test.targets());
    }
    int[] y = new int[test.size()];
    for (int i = 0; i < y.length; i++) {
      String className = test.classNames().get(test.labels()[i]);
      y[i] = schema.classNames().indexOf(className);
      if (y[i] < 0) {
        throw new IllegalArgumentException("Data set '" + dataset + "' row " + (i + 1) + " has class '" + className
            + "', which is not a class the model knows; its classes are " + schema.classNames() + ".");
      }
    }
    return new Rows(test.name(), test.features(), numbers, y, null);
  }

  /**
   * Refuses a data set drawn again whose training rows are not those the checkpoint's run trained
   * on: its test rows would then be other rows, some of them perhaps trained on.
   */
  private void requireTrainingRowsOf(Checkpoint checkpoint, DataSchema schema, Dataset train) {
    Dataset standardized = schema.featureStandardizer().map(scaler -> scaler.apply(train)).orElse(train);
    if (!checkpoint.trainedOn(standardized, LossTable.targetEncoding(checkpoint.identity().loss()))) {
      throw new IllegalArgumentException("Data set '" + dataset + "' drawn with the run's seed "
          + checkpoint.identity().seed() + ", --samples " + generator.samples + ", --noise " + generator.noise
          + ", --classes " + generator.classes
          + " and --test-fraction " + testFraction + " is not the data " + checkpoint.source()
          + " was trained on (its training rows differ from the checkpoint's data fingerprint), so its test rows"
          + " would not be the run's. Give the --samples, --noise, --classes and --test-fraction of the training run.");
    }
  }

  private Rows limited(Rows rows) {
    if (limit == 0 || limit >= rows.features().length) {
      return rows;
    }
    return new Rows(rows.name(), java.util.Arrays.copyOf(rows.features(), limit),
        java.util.Arrays.copyOf(rows.rowNumbers(), limit),
        rows.labels() == null ? null : java.util.Arrays.copyOf(rows.labels(), limit),
        rows.targets() == null ? null : java.util.Arrays.copyOf(rows.targets(), limit));
  }

  private static boolean isIdx(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.contains("idx") || name.contains("ubyte");
  }

  private static String abbreviated(DataSchema schema) {
    var names = schema.featureNames();
    return names.size() <= 8 ? names.toString()
        : "[" + String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1) + "]";
  }

  private static String abbreviatedNames(Dataset data) {
    var names = data.featureNames();
    return names.size() <= 8 ? names.toString()
        : "[" + String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1) + "]";
  }
}
