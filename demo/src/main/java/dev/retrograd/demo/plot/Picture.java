package dev.retrograd.demo.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A white canvas for the pictures drawn pixel by pixel (no axes), with centered text and PNG output. */
final class Picture {

  static {
    Headless.ensure();
  }

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  final BufferedImage image;
  final Graphics2D g;

  Picture(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  /** Draws {@code text} centered on x, with its baseline placed so the text's middle is at y. */
  void centered(String text, Font font, Color color, double x, double y) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0),
        (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
  }

  /** Returns {@code text} shortened with an ellipsis to fit {@code width} pixels in {@code font}. */
  String fitted(String text, Font font, int width) {
    FontMetrics metrics = g.getFontMetrics(font);
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String shorter = text;
    while (shorter.length() > 1 && metrics.stringWidth(shorter + "…") > width) {
      shorter = shorter.substring(0, shorter.length() - 1);
    }
    return shorter + "…";
  }

  /** Writes the picture as PNG. */
  void writePng(Path file) throws IOException {
    g.dispose();
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer is available");
    }
  }

  /** Returns the gray of a pixel value in [0, 1]: 0 black, 1 white (values outside are clamped). */
  static Color gray(double value) {
    int level = (int) Math.round(255 * Math.max(0, Math.min(1, value)));
    return new Color(level, level, level);
  }
}
