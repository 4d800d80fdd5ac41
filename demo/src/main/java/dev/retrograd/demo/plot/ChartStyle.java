package dev.retrograd.demo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The look shared by every chart (white background, large sans-serif text, light grid) and PNG output. */
final class ChartStyle {

  static {
    Headless.ensure();
  }

  private static final Logger log = LoggerFactory.getLogger(ChartStyle.class);

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Color GRID = new Color(0xd9d9d9);
  static final Color AXIS = new Color(0x555555);

  private ChartStyle() {}

  /** Wraps {@code plot} in a chart with {@code title}, a white background and, if wanted, a legend below. */
  static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(AXIS);
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setItemFont(LEGEND);
      legendTitle.setFrame(BlockBorder.NONE);
      legendTitle.setBackgroundPaint(Color.WHITE);
      legendTitle.setPosition(RectangleEdge.BOTTOM);
      legendTitle.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    }
    return chart;
  }

  /** Applies the axis fonts and colors. */
  static <A extends Axis> A styled(A axis) {
    axis.setLabelFont(AXIS_LABEL);
    axis.setTickLabelFont(TICK_LABEL);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.BLACK);
    axis.setAxisLinePaint(AXIS);
    axis.setTickMarkPaint(AXIS);
    return axis;
  }

  /**
   * Returns a value axis: on {@link YScale#LINEAR} fitted to the data ({@code includeZero} forces 0
   * into view, as bars need), on {@link YScale#LOG} base 10 with round numbers as labels ({@link Log10Axis}).
   */
  static ValueAxis valueAxis(String label, YScale scale, boolean includeZero) {
    if (scale == YScale.LOG) {
      return styled(new Log10Axis(label));
    }
    NumberAxis axis = numberAxis(label);
    axis.setAutoRangeIncludesZero(includeZero);
    return axis;
  }

  /** Returns a styled linear axis whose labels are spaced about 45 pixels apart at the least. */
  static NumberAxis numberAxis(String label) {
    NumberAxis axis = styled(new NumberAxis(label));
    // JFreeChart spaces tick labels by their height plus insets; tall insets give ten labels, not twenty.
    axis.setTickLabelInsets(new RectangleInsets(14, 4, 14, 4));
    return axis;
  }

  /** The stroke of line series {@code i}: solid for the first ten, then dashed so repeated colors differ. */
  static BasicStroke lineStroke(int i) {
    if (i < Palette.SIZE) {
      return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float dash = 4f + 4f * (i / Palette.SIZE);
    return new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {dash, 4f}, 0f);
  }

  /** Writes {@code chart} as a {@code width × height} PNG to {@code file}, creating missing parent folders. */
  static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException(
          "a chart needs at least 100×100 pixels to be readable, got " + width + "×" + height);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    }
    log.debug("Wrote {} ({}×{})", file, width, height);
  }
}
