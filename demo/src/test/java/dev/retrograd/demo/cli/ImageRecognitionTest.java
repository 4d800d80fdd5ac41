package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.train.Checkpoint;
import dev.retrograd.train.Prediction;
import dev.retrograd.train.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST from tiny IDX files the test writes, the pictures of an image run, predict and evaluate. */
class ImageRecognitionTest {

  @TempDir
  Path dir;

  private Path images;

  /** Writes a folder of the four files: 80 training and 20 test images of 4×4, class k bright in row k mod 4. */
  @BeforeEach
  void writeImages() throws IOException {
    images = Files.createDirectories(dir.resolve("fashion"));
    SplittableRandom random = new SplittableRandom(3);
    write("train", 80, random, true);
    write("t10k", 20, random, false);
  }

  private void write(String set, int count, SplittableRandom random, boolean gzip) throws IOException {
    int[] pixels = new int[count * 16];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 4 == 3 ? 9 : i % 4;   // classes 0, 1, 2 and 9 (Ankle boot)
      for (int p = 0; p < 16; p++) {
        boolean lit = p / 4 == i % 4;
        pixels[i * 16 + p] = lit ? 200 + random.nextInt(56) : random.nextInt(60);
      }
    }
    String suffix = gzip ? ".gz" : "";
    Files.write(images.resolve(set + "-images-idx3-ubyte" + suffix), idx(new int[] {count, 4, 4}, pixels, gzip));
    Files.write(images.resolve(set + "-labels-idx1-ubyte" + suffix), idx(new int[] {count}, labels, gzip));
  }

  private static byte[] idx(int[] sizes, int[] values, boolean gzip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
      out.write(new byte[] {0, 0, 8, (byte) sizes.length});
      for (int size : sizes) {
        out.writeInt(size);
      }
      for (int value : values) {
        out.writeByte(value);
      }
    }
    return bytes.toByteArray();
  }

  private Cli train(String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--dataset", "fashion-mnist", "--data-dir",
        images.toString(), "--hidden", "8", "--epochs", "3", "--progress", "quiet", "--out",
        dir.resolve("run").toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void fashion_mnist_trains_on_the_official_split_and_draws_its_pictures() throws IOException {
    Cli run = train();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("data      fashion-mnist: 100 rows, 16 features [pixel_0_0, pixel_0_1, pixel_0_2, …,"
        + " pixel_3_3], classification of class into 10 classes [T-shirt/top, Trouser, Pullover, …, Ankle boot]")
        .contains(": 80 training and 20 test examples");
    for (String picture : List.of("confusion_matrix.png", "misclassified.png", "weights_layer1.png")) {
      assertThat(dir.resolve("run").resolve(picture)).isNotEmptyFile();
    }
    String checkpoint = Files.readString(dir.resolve("run/checkpoint.txt"));
    assertThat(checkpoint).contains("\nclass_names 10 T-shirt/top Trouser Pullover Dress Coat Sandal Shirt Sneaker Bag"
        + " Ankle%20boot\n").contains("\nfeature_mean 16 ").contains("\ntarget_name class\n");
  }

  @Test
  void a_limit_reads_the_first_rows_of_each_file() {
    Cli run = train("--limit", "40");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(": 40 training and 20 test examples");
  }

  @Test
  void a_folder_without_the_files_says_how_to_get_them() {
    Cli run = Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", dir.resolve("empty").toString(),
        "--progress", "quiet", "--out", dir.resolve("run").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: Fashion-MNIST is not in " + dir.resolve("empty") + ":"
        + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte are"
        + " missing (raw or .gz); install Debian's package (apt-get install dataset-fashion-mnist), or download the"
        + " four files from https://github.com/zalandoresearch/fashion-mnist into a folder and give that folder with"
        + " --data-dir DIR.\n");
  }

  @Test
  void mnist_needs_a_data_dir() {
    Cli run = Cli.run("train", "--dataset", "mnist", "--progress", "quiet", "--out", dir.resolve("run").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("retrograd: --dataset mnist needs --data-dir DIR, a folder holding"
        + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte");
  }

  @Test
  void evaluate_on_the_test_set_gives_the_scores_train_printed_and_a_confusion_matrix() {
    Cli run = train();
    Matcher test = Pattern.compile("test      loss (\\S+) accuracy (\\S+) on 20 examples").matcher(run.out());
    assertThat(test.find()).as(run.out()).isTrue();

    Cli evaluate = Cli.run("evaluate", "--checkpoint", dir.resolve("run/checkpoint.txt").toString(), "--dataset",
        "fashion-mnist", "--data-dir", images.toString(), "--out", dir.resolve("evaluation").toString());

    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(evaluate.out()).contains("evaluate  loss " + test.group(1) + " accuracy " + test.group(2)
        + " on 20 examples of fashion-mnist");
    assertThat(dir.resolve("evaluation/confusion_matrix.png")).isNotEmptyFile();
    assertThat(evaluate.out()).contains("class         examples  correct   recall precision\n");
    List<String> classLines = evaluate.out().lines().filter(line -> line.matches("\\S.* +\\d+ +\\d+ +\\S+ +\\S+"))
        .toList();
    assertThat(classLines).hasSize(10);
    assertThat(classLines.get(5)).matches("Sandal +0 +0 +- +\\S+");
    assertThat(classLines.stream().mapToInt(line -> Integer.parseInt(line.trim().split(" +")[line.trim()
        .split(" +").length - 4])).sum()).isEqualTo(20);
  }

  @Test
  void predict_on_idx_images_gives_each_rows_class_and_probabilities_as_the_predictor_does() throws IOException {
    train();
    Path checkpoint = dir.resolve("run/checkpoint.txt");
    Path out = dir.resolve("predictions.csv");

    Cli predict = Cli.run("predict", "--checkpoint", checkpoint.toString(), "--data",
        images.resolve("t10k-images-idx3-ubyte").toString(), "--out", out.toString());

    assertThat(predict.exitCode()).as(predict.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(21);
    assertThat(lines.get(0)).isEqualTo("row,class,predicted,p(T-shirt/top),p(Trouser),p(Pullover),p(Dress),p(Coat),"
        + "p(Sandal),p(Shirt),p(Sneaker),p(Bag),p(Ankle boot)");
    Predictor predictor = Predictor.load(checkpoint);
    double[] third = new double[16];
    byte[] raw = Files.readAllBytes(images.resolve("t10k-images-idx3-ubyte"));
    for (int p = 0; p < 16; p++) {
      third[p] = (raw[16 + 2 * 16 + p] & 0xff) / 255.0;
    }
    Prediction expected = predictor.predict(third);
    String[] fields = lines.get(3).split(",");
    assertThat(fields[0]).isEqualTo("3");
    assertThat(fields[1]).isEqualTo("Pullover");
    assertThat(fields[2]).isEqualTo(expected.className());
    for (int c = 0; c < 10; c++) {
      assertThat(fields[3 + c]).isEqualTo(String.format(Locale.ROOT, "%.6g", expected.probabilities()[c]));
    }
  }

  @Test
  void predict_and_evaluate_read_a_csv_of_raw_rows_and_name_the_line_of_a_bad_one() throws IOException {
    Path iris = Files.writeString(dir.resolve("iris.csv"), irisLike(60), StandardCharsets.UTF_8);
    Cli trained = Cli.run("train", "--data", iris.toString(), "--target", "species", "--hidden", "8", "--epochs", "5",
        "--progress", "quiet", "--out", dir.resolve("iris").toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    String checkpoint = dir.resolve("iris/checkpoint.txt").toString();

    Path fresh = Files.writeString(dir.resolve("new.csv"), "width,length\n2.5,30\n\n0.4,12\n");
    Cli predict = Cli.run("predict", "--checkpoint", checkpoint, "--data", fresh.toString());
    assertThat(predict.exitCode()).as(predict.err()).isZero();
    List<String> lines = predict.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("row,predicted,p(large),p(small)");
    Prediction expected = Predictor.load(Path.of(checkpoint)).predict(new double[] {12, 0.4});
    assertThat(lines.get(1)).startsWith("2,");
    assertThat(lines.get(2)).isEqualTo("4," + expected.className() + "," + String.format(Locale.ROOT, "%.6g,%.6g",
        expected.probabilities()[0], expected.probabilities()[1]));
    assertThat(Checkpoint.read(Path.of(checkpoint)).schema().orElseThrow().featureNames())
        .containsExactly("length", "width");

    Cli evaluate = Cli.run("evaluate", "--checkpoint", checkpoint, "--data", iris.toString());
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    assertThat(evaluate.out()).contains("accuracy ").contains("on 60 examples of iris.csv");

    Path missing = Files.writeString(dir.resolve("missing.csv"), "length\n30\n");
    assertThat(Cli.run("predict", "--checkpoint", checkpoint, "--data", missing.toString()).err())
        .isEqualTo("retrograd: missing.csv line 1: the feature column 'width' is missing; the model takes [length,"
            + " width]\n");
    Path extra = Files.writeString(dir.resolve("extra.csv"), "length,width,colour\n30,2,red\n");
    assertThat(Cli.run("predict", "--checkpoint", checkpoint, "--data", extra.toString()).err())
        .isEqualTo("retrograd: extra.csv line 1: column 'colour' is not one the model knows; it takes the features"
            + " [length, width] and, optionally, the target 'species'\n");
    Path unseen = Files.writeString(dir.resolve("unseen.csv"), "length,width,species\n30,2,small\n12,1,medium\n");
    Cli refused = Cli.run("evaluate", "--checkpoint", checkpoint, "--data", unseen.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("retrograd: unseen.csv line 3, field 'species': 'medium' is not a class the"
        + " model knows; its classes are [large, small]\n");
  }

  /** Rows of length, width and species: large when length is above 20. */
  private static String irisLike(int n) {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder text = new StringBuilder("length,width,species\n");
    for (int i = 0; i < n; i++) {
      double length = random.nextDouble(5, 35);
      text.append(String.format(Locale.ROOT, "%.2f,%.2f,%s%n", length, random.nextDouble(0, 3),
          length > 20 ? "large" : "small"));
    }
    return text.toString();
  }

  @Test
  void evaluate_on_a_generated_data_set_draws_it_with_the_runs_seed() {
    Cli run = Cli.run("train", "--dataset", "moons", "--seed", "7", "--hidden", "8", "--epochs", "3", "--progress",
        "quiet", "--out", dir.resolve("moons").toString());
    Matcher test = Pattern.compile("test      (loss \\S+ accuracy \\S+) on 60 examples").matcher(run.out());
    assertThat(test.find()).as(run.out()).isTrue();

    Cli evaluate = Cli.run("evaluate", "--checkpoint", dir.resolve("moons/checkpoint.txt").toString(), "--dataset",
        "moons", "--out", dir.resolve("evaluation").toString());

    assertThat(evaluate.out()).contains("evaluate  " + test.group(1) + " on 60 examples of moons");
  }

  @Test
  void evaluate_refuses_a_generated_data_set_drawn_otherwise_than_the_run_and_takes_the_runs_options() {
    Cli run = Cli.run("train", "--dataset", "circles", "--noise", "0.05", "--test-fraction", "0.3", "--hidden", "8",
        "--epochs", "3", "--progress", "quiet", "--out", dir.resolve("circles").toString());
    Matcher test = Pattern.compile("test      (loss \\S+ accuracy \\S+) on 90 examples").matcher(run.out());
    assertThat(test.find()).as(run.out()).isTrue();
    String checkpoint = dir.resolve("circles/checkpoint.txt").toString();

    Cli otherNoise = Cli.run("evaluate", "--checkpoint", checkpoint, "--dataset", "circles", "--test-fraction", "0.3");
    Cli otherFraction = Cli.run("evaluate", "--checkpoint", checkpoint, "--dataset", "circles", "--noise", "0.05");
    Cli same = Cli.run("evaluate", "--checkpoint", checkpoint, "--dataset", "circles", "--noise", "0.05",
        "--test-fraction", "0.3", "--out", dir.resolve("evaluation").toString());

    assertThat(otherNoise.exitCode()).isEqualTo(1);
    assertThat(otherNoise.err()).startsWith("retrograd: Data set 'circles' drawn with the run's seed 42, --samples 300,"
        + " --noise 0.1, --classes 3 and --test-fraction 0.3 is not the data " + checkpoint + " was trained on");
    assertThat(otherFraction.exitCode()).isEqualTo(1);
    assertThat(otherFraction.err()).contains("--test-fraction 0.2 is not the data");
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).contains("evaluate  " + test.group(1) + " on 90 examples of circles");
  }

  @Test
  void the_official_test_set_takes_no_test_fraction() {
    Cli run = train("--test-fraction", "0.3");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: --test-fraction does not apply to --dataset fashion-mnist, which comes"
        + " with its own test set; use --limit N for a smaller run.\n");
  }

  @Test
  void a_regression_is_predicted_and_evaluated_in_the_targets_units() {
    Cli run = Cli.run("train", "--dataset", "sine", "--hidden", "16", "--epochs", "5", "--progress", "quiet", "--out",
        dir.resolve("sine").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher test = Pattern.compile("test      loss (\\S+) mse (\\S+) r2 (\\S+) on 60 examples").matcher(run.out());
    assertThat(test.find()).as(run.out()).isTrue();

    Cli evaluate = Cli.run("evaluate", "--checkpoint", dir.resolve("sine/checkpoint.txt").toString(), "--dataset",
        "sine");

    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    Matcher scores = Pattern.compile("evaluate  loss (\\S+) mse (\\S+) r2 (\\S+) on 60 examples of sine")
        .matcher(evaluate.out());
    assertThat(scores.find()).as(evaluate.out()).isTrue();
    assertThat(Double.parseDouble(scores.group(2))).isCloseTo(Double.parseDouble(test.group(2)),
        org.assertj.core.api.Assertions.within(1e-3 * Math.abs(Double.parseDouble(test.group(2)))));
  }

  @Test
  void early_stopping_on_the_command_line_says_which_epoch_it_kept() {
    Cli run = Cli.run("train", "--dataset", "digits", "--epochs", "30", "--early-stopping", "2", "--progress", "quiet",
        "--out", dir.resolve("digits").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher best = Pattern.compile("best      epoch (\\d+), validation loss \\S+; stopped after epoch (\\d+), 2 epochs"
        + " without improvement, and restored the weights of epoch (\\d+)").matcher(run.out());
    assertThat(best.find()).as(run.out()).isTrue();
    assertThat(Integer.parseInt(best.group(2))).isEqualTo(Integer.parseInt(best.group(1)) + 2);
    assertThat(best.group(3)).isEqualTo(best.group(1));
  }

  @Test
  void early_stopping_without_validation_is_refused_before_any_work() {
    Cli run = Cli.run("train", "--early-stopping", "3", "--validation-fraction", "0", "--progress", "quiet", "--out",
        dir.resolve("x").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("retrograd: --early-stopping watches the validation loss, but --validation-fraction"
        + " is 0; hold out some training data for validation (--validation-fraction 0.1).\n");
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
