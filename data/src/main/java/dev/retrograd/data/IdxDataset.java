package dev.retrograd.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A classification data set read from a pair of IDX files, images and their labels, as MNIST and
 * Fashion-MNIST ship them (see {@link IdxFile} for the format). Features are the pixels scaled to
 * [0, 1], named {@code pixel_r_c} ({@link ImageShape}); the target is called {@code class}.
 *
 * <pre>
 * Dataset test = IdxDataset.load(Path.of("t10k-images-idx3-ubyte.gz"), Path.of("t10k-labels-idx1-ubyte.gz"),
 *     "fashion-mnist", MnistFolder.FASHION.classNames(), 0);
 * </pre>
 *
 * <p><b>The two files must hold as many images as labels</b> (by their headers), and every label
 * must name a class; otherwise an {@link IdxFormatException} names both files and the counts.
 */
public final class IdxDataset {

  private IdxDataset() {}

  /**
   * Reads the first {@code limit} images and labels (all for 0) as a data set called {@code name}.
   *
   * @param classNames the name of each label, or null for "0", "1", … up to the largest label
   * @throws IdxFormatException for a file that is not IDX, is truncated, a count mismatch, or a
   *     label that is not one of the classes
   * @throws IOException naming the path and the cause when a file cannot be read
   */
  public static Dataset load(Path images, Path labels, String name, List<String> classNames, int limit)
      throws IOException {
    int imageCount = IdxFile.declaredCount(images, 3, "images (3 dimensions: count, rows, columns)");
    int labelCount = IdxFile.declaredCount(labels, 1, "labels (1 dimension: count)");
    if (imageCount != labelCount) {
      throw new IdxFormatException(TextFile.nameOf(images) + " holds " + imageCount + " images but "
          + TextFile.nameOf(labels) + " holds " + labelCount + " labels; each image needs its label, so give the"
          + " images and labels files of the same set");
    }
    IdxFile.Images read = IdxFile.images(images, limit);
    int[] y = IdxFile.labels(labels, limit);
    List<String> names = classNames != null ? classNames : Dataset.numbered("", largest(y) + 1, 0);
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= names.size()) {
        throw new IdxFormatException(TextFile.nameOf(labels) + ": label " + y[i] + " of image " + (i + 1)
            + " is not one of the " + names.size() + " classes 0 to " + (names.size() - 1) + " " + names);
      }
    }
    return Dataset.classification(name, read.featureNames(), read.pixels(), names, y);
  }

  private static int largest(int[] labels) {
    int largest = 0;
    for (int label : labels) {
      largest = Math.max(largest, label);
    }
    return largest;
  }
}
