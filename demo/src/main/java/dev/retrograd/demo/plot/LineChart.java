package dev.retrograd.demo.plot;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Named series over epochs as lines: train and validation loss, accuracy, a gradient norm per layer,
 * or the loss of several runs overlaid (sgd vs adam vs adamw vs lion).
 *
 * <p>Value {@code i} of a series is drawn at x = {@link Series#position(int) its position}:
 * {@code i + 1} (epochs count from 1) unless the series says otherwise, as a resumed run's history
 * does with its true epoch numbers; series may differ in length. <b>Values that cannot be drawn are left out, never an error:</b> NaN and
 * ±infinity always, zeros and negatives on a {@link YScale#LOG} axis; the line breaks there and the
 * legend says how many were left out ({@code "lion (12 non-finite values not drawn)"}). Series 0 to
 * 9 get the ten palette colors with solid lines; later series repeat the colors with dashes. Points
 * are marked as well as joined while the longest series has at most {@value #MARKER_LIMIT} values.
 *
 * <pre>{@code
 * new LineChart("Loss", "epoch", "loss",
 *     List.of(Series.of("train", trainLoss), Series.of("validation", validationLoss)), YScale.LOG)
 *     .writePng(folder.resolve("loss.png"));
 * }</pre>
 *
 * @param title the chart's heading
 * @param xLabel the horizontal axis label, usually "epoch"
 * @param yLabel the vertical axis label
 * @param series one or more series with distinct names
 * @param yScale linear or base-10 logarithmic
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series, YScale yScale) {

  /** The default image width in pixels. */
  public static final int WIDTH = 900;
  /** The default image height in pixels. */
  public static final int HEIGHT = 600;
  /** Up to this many values per series, each value is marked with a dot. */
  public static final int MARKER_LIMIT = 30;

  /** Checks that every part is present and that series names are distinct. */
  public LineChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(yScale, "yScale");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a line chart needs at least one series, got none for '" + title + "'");
    }
    requireDistinctNames(series, "line chart '" + title + "'");
  }

  /** Writes the chart as a {@value #WIDTH}×{@value #HEIGHT} PNG, creating missing parent folders. */
  public void writePng(Path file) throws IOException {
    writePng(file, WIDTH, HEIGHT);
  }

  /** Writes the chart as a {@code width × height} PNG, creating missing parent folders. */
  public void writePng(Path file, int width, int height) throws IOException {
    Headless.ensure();
    ChartStyle.writePng(toJFreeChart(), file, width, height);
  }

  /** Builds the JFreeChart form of this chart. */
  JFreeChart toJFreeChart() {
    XYSeriesCollection data = new XYSeriesCollection();
    int longest = 0;
    for (Series s : series) {
      XYSeries xy = new XYSeries(Drawable.legendLabel(s, yScale), false, true);
      for (int i = 0; i < s.size(); i++) {
        double v = s.value(i);
        xy.add(s.position(i), Drawable.isDrawable(v, yScale) ? v : null);
      }
      data.addSeries(xy);
      longest = Math.max(longest, s.size());
    }

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, longest <= MARKER_LIMIT);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, Palette.color(i));
      renderer.setSeriesStroke(i, ChartStyle.lineStroke(i));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    renderer.setDrawSeriesLineAsPath(false);

    NumberAxis x = ChartStyle.styled(new NumberAxis(xLabel));
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setAutoRangeIncludesZero(false);
    x.setLowerMargin(0.02);
    x.setUpperMargin(0.02);
    XYPlot plot = new XYPlot(data, x, ChartStyle.valueAxis(yLabel, yScale, false), renderer);
    plot.setDomainGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    return ChartStyle.chart(title, plot, true);
  }

  static void requireDistinctNames(List<Series> series, String where) {
    Set<String> seen = new HashSet<>();
    for (Series s : series) {
      if (!seen.add(s.name())) {
        throw new IllegalArgumentException(
            "series names must be distinct in the " + where + ", '" + s.name() + "' appears twice");
      }
    }
  }
}
