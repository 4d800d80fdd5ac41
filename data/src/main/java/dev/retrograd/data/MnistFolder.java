package dev.retrograd.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder of MNIST's four IDX files, {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or with {@code .gz}:
 * the handwritten digits (MNIST) or Zalando's Fashion-MNIST, which has the same format and sizes.
 *
 * <pre>
 * Split split = MnistFolder.FASHION.load(MnistFolder.FASHION.defaultFolder().orElseThrow(), 0);
 * split.train().size();   // 60000
 * split.test().size();    // 10000
 * </pre>
 *
 * <p>The split is the official one, 60,000 training and 10,000 test images, 28×28 pixels each,
 * scaled to [0, 1].
 *
 * @param name the data set's name, {@code fashion-mnist} or {@code mnist}
 * @param classNames the name of each label
 * @param defaultFolder where a package manager puts the files, if one does
 * @param howToGet one sentence saying how to get the files
 */
public record MnistFolder(String name, List<String> classNames, Optional<Path> defaultFolder, String howToGet) {

  /** Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): ten kinds of clothing, from Debian's package by default. */
  public static final MnistFolder FASHION = new MnistFolder("fashion-mnist",
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
          "Ankle boot"),
      Optional.of(Path.of("/usr/share/datasets/fashion-mnist")),
      "install Debian's package (apt-get install dataset-fashion-mnist), or download the four files from"
          + " https://github.com/zalandoresearch/fashion-mnist into a folder and give that folder");

  /** MNIST (LeCun, Cortes and Burges): the handwritten digits 0 to 9. */
  public static final MnistFolder DIGITS = new MnistFolder("mnist", Dataset.numbered("", 10, 0), Optional.empty(),
      "download the four files of the MNIST database into a folder and give that folder");

  /** The four files' names without {@code .gz}: training images, training labels, test images, test labels. */
  public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

  /** Freezes the class names. */
  public MnistFolder {
    classNames = List.copyOf(classNames);
  }

  /**
   * Returns the files of {@link #FILES} that {@code folder} lacks (neither raw nor {@code .gz}), in
   * that order; empty when all four are there.
   */
  public List<String> missing(Path folder) {
    List<String> missing = new ArrayList<>();
    for (String file : FILES) {
      if (find(folder, file).isEmpty()) {
        missing.add(file);
      }
    }
    return missing;
  }

  /**
   * Reads the official split from {@code folder}: the first {@code limit} training images and the
   * first {@code limit} test images (all of them for {@code limit} 0).
   *
   * @throws IOException when a file is missing (saying how to get them) or cannot be read
   * @throws IdxFormatException for a file that is not IDX, is truncated, or a count mismatch
   */
  public Split load(Path folder, int limit) throws IOException {
    List<String> missing = missing(folder);
    if (!missing.isEmpty()) {
      throw new IOException(describe() + " is not in " + folder + ": " + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " missing (raw or .gz); " + howToGet);
    }
    Dataset train = IdxDataset.load(find(folder, FILES.get(0)).get(), find(folder, FILES.get(1)).get(), name,
        classNames, limit);
    Dataset test = IdxDataset.load(find(folder, FILES.get(2)).get(), find(folder, FILES.get(3)).get(), name,
        classNames, limit);
    return new Split(train, test);
  }

  private String describe() {
    return this.name.equals(FASHION.name) ? "Fashion-MNIST" : this.name.equals(DIGITS.name) ? "MNIST" : this.name;
  }

  /** Returns {@code folder/NAME.gz} or {@code folder/NAME}, whichever exists (the compressed one first). */
  private static Optional<Path> find(Path folder, String file) {
    for (Path candidate : List.of(folder.resolve(file + ".gz"), folder.resolve(file))) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
