package dev.retrograd.demo.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Images in a grid, each with two lines of caption below it, such as test images with their true
 * and predicted classes. Pixels in [0, 1] are drawn in gray (0 black, 1 white), each as a square
 * of {@code scale} screen pixels.
 *
 * @param title the title above the grid
 * @param rows the height of each image in pixels
 * @param columns the width of each image in pixels
 * @param images one row-major array of {@code rows · columns} pixels per image
 * @param captions two lines per image: {@code captions.get(i)[0]} and {@code [1]}
 * @param captionColors the colour of each image's second caption line
 */
public record ImageGridChart(String title, int rows, int columns, List<double[]> images, List<String[]> captions,
    List<Color> captionColors) {

  private static final int MARGIN = 16;
  private static final int PER_ROW = 6;

  /** Checks one caption pair and colour per image, and images of rows · columns pixels. */
  public ImageGridChart {
    images = List.copyOf(images);
    captions = List.copyOf(captions);
    captionColors = List.copyOf(captionColors);
    if (captions.size() != images.size() || captionColors.size() != images.size()) {
      throw new IllegalArgumentException("one caption and colour per image, got " + captions.size() + " and "
          + captionColors.size() + " for " + images.size() + " images");
    }
    for (double[] image : images) {
      if (image.length != rows * columns) {
        throw new IllegalArgumentException("an image of " + rows + "×" + columns + " has " + rows * columns
            + " pixels, got " + image.length);
      }
    }
  }

  /** Writes the picture as PNG; with no images, the title and a line saying so. */
  public void writePng(Path file) throws IOException {
    int scale = Math.max(1, 84 / Math.max(rows, columns));
    int cellWidth = Math.max(columns * scale, 120) + 10;
    int cellHeight = rows * scale + 40;
    int across = Math.max(1, Math.min(PER_ROW, images.size()));
    int down = Math.max(1, (images.size() + PER_ROW - 1) / PER_ROW);
    int width = Math.max(across * cellWidth + 2 * MARGIN, 480);
    int height = MARGIN + 40 + down * cellHeight + MARGIN;
    Picture picture = new Picture(width, height);
    picture.centered(title, Picture.TITLE, Color.BLACK, width / 2.0, MARGIN + 10);
    if (images.isEmpty()) {
      picture.centered("(none)", Picture.LABEL, Color.DARK_GRAY, width / 2.0, MARGIN + 60);
    }
    int left = (width - across * cellWidth) / 2;
    for (int i = 0; i < images.size(); i++) {
      int x = left + (i % PER_ROW) * cellWidth + (cellWidth - columns * scale) / 2;
      int y = MARGIN + 40 + (i / PER_ROW) * cellHeight;
      double[] image = images.get(i);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          picture.g.setColor(Picture.gray(image[r * columns + c]));
          picture.g.fillRect(x + c * scale, y + r * scale, scale, scale);
        }
      }
      double middle = left + (i % PER_ROW) * cellWidth + cellWidth / 2.0;
      String[] caption = captions.get(i);
      picture.centered(picture.fitted(caption[0], Picture.SMALL, cellWidth - 6), Picture.SMALL, Color.BLACK, middle,
          y + rows * scale + 10);
      picture.centered(picture.fitted(caption[1], Picture.SMALL, cellWidth - 6), Picture.SMALL, captionColors.get(i),
          middle, y + rows * scale + 25);
    }
    picture.writePng(file);
  }
}
