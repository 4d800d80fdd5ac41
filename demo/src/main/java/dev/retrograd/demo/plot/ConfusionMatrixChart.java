package dev.retrograd.demo.plot;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A confusion matrix as a picture: row t, column p holds how many examples of true class t were
 * predicted as class p, and is coloured by that count's share of row t (white 0 to dark blue 1),
 * so each row shows where a class goes whatever its size; the diagonal holds the correct ones.
 *
 * @param title the title, such as {@code Confusion matrix: 10000 test examples, 87.1% correct}
 * @param classNames the name of each class, labelling rows and columns
 * @param counts {@code counts[t][p]}, square, one row and column per class
 */
public record ConfusionMatrixChart(String title, List<String> classNames, int[][] counts) {

  private static final Color FULL = new Color(0x08306b);
  private static final int MARGIN = 20;

  /** Checks a square matrix of non-negative counts with one row per class. */
  public ConfusionMatrixChart {
    classNames = List.copyOf(classNames);
    if (counts.length != classNames.size()) {
      throw new IllegalArgumentException("a confusion matrix needs one row per class, got " + counts.length + " for "
          + classNames.size() + " classes");
    }
    for (int[] row : counts) {
      if (row.length != classNames.size()) {
        throw new IllegalArgumentException("a confusion matrix is square, got a row of " + row.length + " for "
            + classNames.size() + " classes");
      }
      for (int count : row) {
        if (count < 0) {
          throw new IllegalArgumentException("counts are >= 0, got " + count);
        }
      }
    }
  }

  /** Returns the share of row t in cell (t, p), 0 for an empty row. */
  static double share(int[][] counts, int t, int p) {
    int total = 0;
    for (int count : counts[t]) {
      total += count;
    }
    return total == 0 ? 0 : (double) counts[t][p] / total;
  }

  /** Returns the colour of a share: white at 0, dark blue at 1. */
  static Color color(double share) {
    return new Color(mix(255, FULL.getRed(), share), mix(255, FULL.getGreen(), share), mix(255, FULL.getBlue(), share));
  }

  private static int mix(int from, int to, double t) {
    return (int) Math.round(from + (to - from) * t);
  }

  /** Writes the picture as PNG. */
  public void writePng(Path file) throws IOException {
    int n = classNames.size();
    int cell = n <= 10 ? 56 : Math.max(16, 560 / n);
    Picture measure = new Picture(1, 1);
    int labelWidth = 0;
    for (String name : classNames) {
      labelWidth = Math.max(labelWidth, measure.g.getFontMetrics(Picture.LABEL).stringWidth(name));
    }
    labelWidth = Math.min(labelWidth, 140) + 10;
    int left = MARGIN + 24 + labelWidth;
    int top = MARGIN + 40;
    int width = Math.max(left + n * cell + MARGIN, 480);
    int height = top + n * cell + labelWidth + 24 + MARGIN;
    Picture picture = new Picture(width, height);
    picture.centered(title, Picture.TITLE, Color.BLACK, width / 2.0, MARGIN + 10);
    boolean numbers = cell >= 28;
    for (int t = 0; t < n; t++) {
      for (int p = 0; p < n; p++) {
        double share = share(counts, t, p);
        picture.g.setColor(color(share));
        picture.g.fillRect(left + p * cell, top + t * cell, cell, cell);
        if (numbers) {
          picture.centered(Integer.toString(counts[t][p]), cell >= 48 ? Picture.LABEL : Picture.SMALL,
              share > 0.5 ? Color.WHITE : Color.BLACK, left + p * cell + cell / 2.0, top + t * cell + cell / 2.0);
        }
      }
    }
    picture.g.setColor(new Color(0x999999));
    picture.g.drawRect(left, top, n * cell, n * cell);
    for (int t = 0; t < n; t++) {
      String name = picture.fitted(classNames.get(t), Picture.LABEL, labelWidth - 10);
      picture.g.setFont(Picture.LABEL);
      int textWidth = picture.g.getFontMetrics().stringWidth(name);
      picture.centered(name, Picture.LABEL, Color.BLACK, left - 6 - textWidth / 2.0, top + t * cell + cell / 2.0);
    }
    AffineTransform straight = picture.g.getTransform();
    for (int p = 0; p < n; p++) {
      String name = picture.fitted(classNames.get(p), Picture.LABEL, labelWidth - 10);
      int textWidth = picture.g.getFontMetrics(Picture.LABEL).stringWidth(name);
      picture.g.setTransform(straight);
      picture.g.translate(left + p * cell + cell / 2.0, top + n * cell + 6 + textWidth / 2.0);
      picture.g.rotate(-Math.PI / 2);
      picture.centered(name, Picture.LABEL, Color.BLACK, 0, 0);
    }
    picture.g.setTransform(straight);
    picture.centered("predicted class", Picture.LABEL, Color.DARK_GRAY, left + n * cell / 2.0,
        top + n * cell + labelWidth + 14);
    picture.g.translate(MARGIN + 6, top + n * cell / 2.0);
    picture.g.rotate(-Math.PI / 2);
    picture.centered("true class", Picture.LABEL, Color.DARK_GRAY, 0, 0);
    picture.g.setTransform(straight);
    picture.writePng(file);
  }
}
