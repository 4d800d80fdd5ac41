package dev.retrograd.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The height and width of the images of a data set whose features are pixels, named
 * {@code pixel_r_c} (row r, column c, from 0) in row-major order, as the digits, MNIST and
 * Fashion-MNIST name them; the names alone say that rows are images and how to draw them.
 *
 * <pre>
 * ImageShape.of(fashion.featureNames())   // Optional[28×28]
 * ImageShape.of(moons.featureNames())     // Optional.empty
 * </pre>
 *
 * @param rows pixels per column, ≥ 1
 * @param columns pixels per row, ≥ 1
 */
public record ImageShape(int rows, int columns) {

  private static final Pattern PIXEL = Pattern.compile("pixel_(\\d+)_(\\d+)");

  /** Checks positive sizes. */
  public ImageShape {
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException("an image needs at least one row and one column, was " + rows + "×" + columns);
    }
  }

  /** Returns {@code pixel_0_0}, {@code pixel_0_1}, … {@code pixel_{rows−1}_{columns−1}}, row-major. */
  public static List<String> featureNames(int rows, int columns) {
    List<String> names = new ArrayList<>(rows * columns);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        names.add("pixel_" + r + "_" + c);
      }
    }
    return names;
  }

  /**
   * Returns the shape the feature names describe: every name {@code pixel_r_c}, in row-major order
   * over a full rectangle; empty for any other names.
   */
  public static Optional<ImageShape> of(List<String> featureNames) {
    if (featureNames.isEmpty()) {
      return Optional.empty();
    }
    Matcher last = PIXEL.matcher(featureNames.get(featureNames.size() - 1));
    if (!last.matches()) {
      return Optional.empty();
    }
    int rows = Integer.parseInt(last.group(1)) + 1;
    int columns = Integer.parseInt(last.group(2)) + 1;
    if ((long) rows * columns != featureNames.size() || !featureNames.equals(featureNames(rows, columns))) {
      return Optional.empty();
    }
    return Optional.of(new ImageShape(rows, columns));
  }

  /** Returns the number of pixels, rows × columns. */
  public int pixels() {
    return rows * columns;
  }

  @Override
  public String toString() {
    return rows + "×" + columns;
  }
}
