package dev.retrograd.demo.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The weights of each first-layer neuron drawn as an image of its inputs: neuron k's weight on
 * pixel (r, c) is the square (r, c) of tile k, red for positive, blue for negative, white for 0,
 * each tile scaled by its own largest |weight| so that every neuron's pattern shows.
 *
 * @param title the title above the tiles
 * @param rows the height of the input images
 * @param columns their width
 * @param weights {@code weights[k]}: neuron k's {@code rows · columns} weights, row-major
 */
public record WeightImagesChart(String title, int rows, int columns, double[][] weights) {

  private static final int MARGIN = 16;
  private static final Color POSITIVE = new Color(0xb2182b);
  private static final Color NEGATIVE = new Color(0x2166ac);

  /** Checks that every neuron has one weight per pixel. */
  public WeightImagesChart {
    for (double[] neuron : weights) {
      if (neuron.length != rows * columns) {
        throw new IllegalArgumentException("a neuron on " + rows + "×" + columns + " images has " + rows * columns
            + " weights, got " + neuron.length);
      }
    }
  }

  /** Returns the colour of a weight w of a neuron whose largest |weight| is {@code largest}. */
  static Color color(double w, double largest) {
    double t = largest == 0 ? 0 : Math.min(1, Math.abs(w) / largest);
    Color end = w >= 0 ? POSITIVE : NEGATIVE;
    return new Color((int) Math.round(255 + (end.getRed() - 255) * t), (int) Math.round(255 + (end.getGreen() - 255)
        * t), (int) Math.round(255 + (end.getBlue() - 255) * t));
  }

  /** Writes the picture as PNG. */
  public void writePng(Path file) throws IOException {
    int scale = Math.max(1, 56 / Math.max(rows, columns));
    int tile = Math.max(rows, columns) * scale + 4;
    int across = (int) Math.ceil(Math.sqrt(weights.length * 2.0));
    across = Math.max(1, Math.min(across, weights.length));
    int down = Math.max(1, (weights.length + across - 1) / across);
    int width = Math.max(across * tile + 2 * MARGIN, 480);
    int height = MARGIN + 40 + down * tile + MARGIN;
    Picture picture = new Picture(width, height);
    picture.centered(title, Picture.TITLE, Color.BLACK, width / 2.0, MARGIN + 10);
    int left = (width - across * tile) / 2;
    for (int k = 0; k < weights.length; k++) {
      double largest = 0;
      for (double w : weights[k]) {
        largest = Math.max(largest, Math.abs(w));
      }
      int x = left + (k % across) * tile + 2;
      int y = MARGIN + 40 + (k / across) * tile + 2;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          picture.g.setColor(color(weights[k][r * columns + c], largest));
          picture.g.fillRect(x + c * scale, y + r * scale, scale, scale);
        }
      }
    }
    picture.writePng(file);
  }
}
