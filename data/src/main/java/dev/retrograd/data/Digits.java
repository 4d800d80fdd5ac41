package dev.retrograd.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The 8×8 handwritten digits of scikit-learn's {@code load_digits()}: 1797 images of the digits
 * 0 to 9, each 64 pixels in row-major order with values 0 … 16, scaled here to pixel / 16 ∈ [0, 1].
 * Feature names are {@code pixel_r_c} (row r, column c, from 0), as sklearn names them.
 *
 * <p>The data is the test set of "Optical Recognition of Handwritten Digits" by E. Alpaydin and
 * C. Kaynak (1998), UCI Machine Learning Repository, https://doi.org/10.24432/C50P49, licensed
 * CC BY 4.0; the copy shipped in this jar ({@value #RESOURCE}) is sklearn's
 * {@code digits.csv.gz}, unchanged (see NOTICE at the root of the repository). Each line holds 64
 * pixel values then the label, with no header.
 */
public final class Digits {

  /** The name of this data set. */
  public static final String NAME = "digits";

  /** Where the gzip-compressed CSV lies on the classpath. */
  public static final String RESOURCE = "/dev/retrograd/data/digits.csv.gz";

  /** Pixels per image (8 × 8). */
  public static final int PIXELS = 64;

  /** The largest pixel value; features are pixel / 16. */
  public static final double MAX_PIXEL = 16.0;

  private Digits() {}

  /** Loads the 1797 images from the classpath, in the file's order. */
  public static Dataset load() {
    InputStream resource = Digits.class.getResourceAsStream(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException("The digits data " + RESOURCE
          + " is missing from the classpath; rebuild the data module, which ships it as a resource.");
    }
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.US_ASCII))) {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the digits data " + RESOURCE, e);
    }
  }

  private static Dataset parse(BufferedReader reader) throws IOException {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      String[] fields = line.split(",", -1);
      if (fields.length != PIXELS + 1) {
        throw new IllegalStateException("digits line " + (rows.size() + 1) + ": expected " + (PIXELS + 1)
            + " fields but found " + fields.length);
      }
      double[] pixels = new double[PIXELS];
      for (int i = 0; i < PIXELS; i++) {
        pixels[i] = Double.parseDouble(fields[i]) / MAX_PIXEL;
      }
      rows.add(pixels);
      labels.add((int) Double.parseDouble(fields[PIXELS]));
    }
    return Dataset.classification(NAME, featureNames(), rows.toArray(new double[0][]),
        Generation.classNames(10), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static List<String> featureNames() {
    List<String> names = new ArrayList<>(PIXELS);
    for (int r = 0; r < 8; r++) {
      for (int c = 0; c < 8; c++) {
        names.add("pixel_" + r + "_" + c);
      }
    }
    return names;
  }
}
