package dev.retrograd.demo.graph;

import dev.retrograd.demo.plot.Headless;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;

/**
 * The three kinds of text in a graph picture, all in a monospaced font: its glyphs are about 0.6 em
 * wide in every monospaced font, so an SVG viewer's font takes up the width measured here.
 */
enum TextStyle {
  /** Names and numbers in value nodes, op names. */
  BODY(12, false),
  /** The output's fields. */
  BOLD(12, true),
  /** An op's arity, the legend and the note. */
  SMALL(10.5f, false);

  /** The family the PNG is drawn with; Java maps it to DejaVu Sans Mono, Menlo or Consolas. */
  static final String FAMILY = Font.MONOSPACED;
  /** The families an SVG asks for, best first. */
  static final String SVG_FAMILIES = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

  private static final FontRenderContext CONTEXT = renderContext();

  private final float size;
  private final boolean bold;
  private final Font font;

  TextStyle(float size, boolean bold) {
    this.size = size;
    this.bold = bold;
    this.font = new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
  }

  private static FontRenderContext renderContext() {
    Headless.ensure();
    var graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    FontRenderContext context = graphics.getFontRenderContext();
    graphics.dispose();
    return context;
  }

  /** Returns the font size in pixels. */
  float size() {
    return size;
  }

  boolean bold() {
    return bold;
  }

  Font font() {
    return font;
  }

  /** Returns how wide {@code text} is, in pixels. */
  double width(String text) {
    return font.getStringBounds(text, CONTEXT).getWidth();
  }

  /** Returns how far the baseline sits below the middle of a line, to center text vertically. */
  double baselineBelowMiddle() {
    LineMetrics metrics = font.getLineMetrics("Xg", CONTEXT);
    return (metrics.getAscent() - metrics.getDescent()) / 2.0;
  }
}
