package dev.retrograd.demo.graph;

import dev.retrograd.demo.plot.Headless;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Draws into an RGB image with Java2D, antialiased, at a scale (2 for a sharp picture on a dense screen). */
final class ImageCanvas implements Canvas {

  private final BufferedImage image;
  private final Graphics2D graphics;

  /** Creates a white image for a picture of {@code width × height} pixels drawn at {@code scale}. */
  ImageCanvas(double width, double height, double scale) {
    Headless.ensure();
    image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
        BufferedImage.TYPE_INT_RGB);
    graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.scale(scale, scale);
  }

  @Override
  public void begin(String id) {}

  @Override
  public void end() {}

  @Override
  public void rectangle(double x, double y, double width, double height, double radius, Color fill, Color stroke,
      double strokeWidth, boolean dashed) {
    RoundRectangle2D shape = new RoundRectangle2D.Double(x, y, width, height, 2 * radius, 2 * radius);
    if (fill != null) {
      graphics.setColor(fill);
      graphics.fill(shape);
    }
    if (strokeWidth > 0) {
      graphics.setColor(stroke);
      graphics.setStroke(dashed
          ? new BasicStroke((float) strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 3}, 0)
          : new BasicStroke((float) strokeWidth));
      graphics.draw(shape);
    }
  }

  @Override
  public void ellipse(double x, double y, double width, double height, Color fill, Color stroke) {
    Ellipse2D shape = new Ellipse2D.Double(x, y, width, height);
    graphics.setColor(fill);
    graphics.fill(shape);
    graphics.setColor(stroke);
    graphics.setStroke(new BasicStroke(1));
    graphics.draw(shape);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Color color, double width) {
    graphics.setColor(color);
    graphics.setStroke(new BasicStroke((float) width));
    graphics.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void curve(double[][] points, Color color, double width) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(points[0][0], points[0][1]);
    for (int k = 1; k < points.length; k++) {
      double[] from = points[k - 1];
      double[] to = points[k];
      if (from[1] == to[1]) {
        path.lineTo(to[0], to[1]);
      } else {
        double middle = (from[0] + to[0]) / 2;
        path.curveTo(middle, from[1], middle, to[1], to[0], to[1]);
      }
    }
    graphics.setColor(color);
    graphics.setStroke(new BasicStroke((float) width));
    graphics.draw(path);
  }

  @Override
  public void triangle(double[] xs, double[] ys, Color fill) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    path.lineTo(xs[1], ys[1]);
    path.lineTo(xs[2], ys[2]);
    path.closePath();
    graphics.setColor(fill);
    graphics.fill(path);
  }

  @Override
  public void text(String text, double x, double baseline, double width, TextStyle style, Color color) {
    graphics.setFont(style.font());
    graphics.setColor(color);
    graphics.drawString(text, (float) x, (float) baseline);
  }

  /** Returns the image, done drawing. */
  BufferedImage image() {
    graphics.dispose();
    return image;
  }
}
