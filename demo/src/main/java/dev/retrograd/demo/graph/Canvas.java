package dev.retrograd.demo.graph;

import java.awt.Color;

/**
 * What a graph picture is drawn with: a few shapes and text, in pixels from the top-left corner. One
 * drawing goes to an SVG document ({@link SvgCanvas}) or to an image ({@link ImageCanvas}), so both
 * formats show the same picture.
 */
interface Canvas {

  /** Opens a group for one node or edge, called {@code id} (an SVG {@code <g>} with a {@code <title>}). */
  void begin(String id);

  /** Closes the group {@link #begin} opened. */
  void end();

  /**
   * Draws a rectangle with rounded corners.
   *
   * @param fill the fill, or null for none
   * @param strokeWidth the outline's width, 0 for none
   * @param dashed whether the outline is dashed
   */
  void rectangle(double x, double y, double width, double height, double radius, Color fill, Color stroke,
      double strokeWidth, boolean dashed);

  /** Draws an ellipse inside the given box, filled and outlined. */
  void ellipse(double x, double y, double width, double height, Color fill, Color stroke);

  /** Draws a straight line. */
  void line(double x1, double y1, double x2, double y2, Color color, double width);

  /**
   * Draws a path from {@code points[0]}: for each next point, a cubic Bézier curve that leaves and
   * arrives horizontally, or a straight line where the two points are at the same height.
   */
  void curve(double[][] points, Color color, double width);

  /** Fills the triangle of these three corners. */
  void triangle(double[] xs, double[] ys, Color fill);

  /**
   * Writes {@code text} from {@code x} on the baseline {@code baseline}; it is {@code width} wide in the
   * picture's font (an SVG stretches it to that width, so a browser with another font keeps the layout).
   */
  void text(String text, double x, double baseline, double width, TextStyle style, Color color);
}
