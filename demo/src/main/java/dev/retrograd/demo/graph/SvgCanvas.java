package dev.retrograd.demo.graph;

import java.awt.Color;
import java.util.Locale;

/**
 * Draws into an SVG 1.1 document, written by hand: one element per shape, text as text (so it can
 * be searched and copied), each node and edge a {@code <g>} with a {@code <title>}.
 */
final class SvgCanvas implements Canvas {

  private final StringBuilder body = new StringBuilder();

  @Override
  public void begin(String id) {
    body.append("<g id=\"").append(escape(id)).append("\"><title>").append(escape(id)).append("</title>\n");
  }

  @Override
  public void end() {
    body.append("</g>\n");
  }

  @Override
  public void rectangle(double x, double y, double width, double height, double radius, Color fill, Color stroke,
      double strokeWidth, boolean dashed) {
    body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
        .append("\" height=\"").append(n(height)).append("\" rx=\"").append(n(radius)).append("\" fill=\"")
        .append(fill == null ? "none" : hex(fill)).append('"');
    if (strokeWidth > 0) {
      body.append(" stroke=\"").append(hex(stroke)).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
      if (dashed) {
        body.append(" stroke-dasharray=\"5,3\"");
      }
    }
    body.append("/>\n");
  }

  @Override
  public void ellipse(double x, double y, double width, double height, Color fill, Color stroke) {
    body.append("<ellipse cx=\"").append(n(x + width / 2)).append("\" cy=\"").append(n(y + height / 2))
        .append("\" rx=\"").append(n(width / 2)).append("\" ry=\"").append(n(height / 2)).append("\" fill=\"")
        .append(hex(fill)).append("\" stroke=\"").append(hex(stroke)).append("\"/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Color color, double width) {
    body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(hex(color)).append("\" stroke-width=\"")
        .append(n(width)).append("\"/>\n");
  }

  @Override
  public void curve(double[][] points, Color color, double width) {
    StringBuilder d = new StringBuilder("M").append(n(points[0][0])).append(',').append(n(points[0][1]));
    for (int k = 1; k < points.length; k++) {
      double[] from = points[k - 1];
      double[] to = points[k];
      if (from[1] == to[1]) {
        d.append(" L").append(n(to[0])).append(',').append(n(to[1]));
      } else {
        double middle = (from[0] + to[0]) / 2;
        d.append(" C").append(n(middle)).append(',').append(n(from[1])).append(' ').append(n(middle)).append(',')
            .append(n(to[1])).append(' ').append(n(to[0])).append(',').append(n(to[1]));
      }
    }
    body.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(hex(color))
        .append("\" stroke-width=\"").append(n(width)).append("\"/>\n");
  }

  @Override
  public void triangle(double[] xs, double[] ys, Color fill) {
    body.append("<polygon points=\"");
    for (int i = 0; i < 3; i++) {
      body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
    }
    body.append("\" fill=\"").append(hex(fill)).append("\"/>\n");
  }

  @Override
  public void text(String text, double x, double baseline, double width, TextStyle style, Color color) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(baseline)).append("\" font-size=\"")
        .append(n(style.size())).append('"');
    if (style.bold()) {
      body.append(" font-weight=\"bold\"");
    }
    if (width > 0) {
      body.append(" textLength=\"").append(n(width)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
    }
    body.append(" fill=\"").append(hex(color)).append("\">").append(escape(text)).append("</text>\n");
  }

  /** Returns the whole document, {@code width × height} pixels on a white background. */
  String document(double width, double height) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + n(width) + "\" height=\"" + n(height)
        + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" font-family=\"" + TextStyle.SVG_FAMILIES + "\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";
  }

  private static String n(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    return text.equals("-0") ? "0" : text;
  }

  private static String hex(Color color) {
    return String.format(Locale.ROOT, "#%06x", color.getRGB() & 0xffffff);
  }

  /** Escapes the five characters XML gives meaning to. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
