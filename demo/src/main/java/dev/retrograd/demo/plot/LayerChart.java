package dev.retrograd.demo.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One value per layer as grouped bars, one bar color per run: "mean |gradient| per layer" of a
 * sigmoid net against a ReLU net, say, usually on a {@link YScale#LOG} axis.
 *
 * <p>Every run has exactly one value per layer, in the order of {@code layers}. Values that cannot
 * be drawn (NaN, ±infinity, and on a log axis zeros and negatives) get no bar and are counted in
 * the legend, as in {@link LineChart}.
 *
 * <pre>{@code
 * new LayerChart("Mean |gradient| per layer, epoch 1", "mean |gradient|",
 *     List.of("layer1", "layer2", "layer3"),
 *     List.of(Series.of("sigmoid", 1e-6, 3e-4, 2e-2), Series.of("relu", 4e-2, 5e-2, 6e-2)),
 *     YScale.LOG).writePng(folder.resolve("gradients.png"));
 * }</pre>
 *
 * @param title the chart's heading
 * @param yLabel the vertical axis label
 * @param layers the layer names along the horizontal axis, distinct
 * @param runs one or more series with distinct names, each with one value per layer
 * @param yScale linear (bars from zero) or base-10 logarithmic
 */
public record LayerChart(String title, String yLabel, List<String> layers, List<Series> runs, YScale yScale) {

  /** Checks that there are layers, runs with distinct names, and one value per layer in every run. */
  public LayerChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(yScale, "yScale");
    layers = List.copyOf(layers);
    runs = List.copyOf(runs);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a layer chart needs at least one layer, got none for '" + title + "'");
    }
    Set<String> seen = new HashSet<>();
    for (String layer : layers) {
      if (!seen.add(layer)) {
        throw new IllegalArgumentException(
            "layer names must be distinct in the layer chart '" + title + "', '" + layer + "' appears twice");
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a layer chart needs at least one run, got none for '" + title + "'");
    }
    LineChart.requireDistinctNames(runs, "layer chart '" + title + "'");
    for (Series run : runs) {
      if (run.size() != layers.size()) {
        throw new IllegalArgumentException("run '" + run.name() + "' has " + run.size()
            + " values but the layer chart '" + title + "' has " + layers.size() + " layers " + layers
            + "; give one value per layer");
      }
    }
  }

  /** Writes the chart as a {@value LineChart#WIDTH}×{@value LineChart#HEIGHT} PNG, creating missing parent folders. */
  public void writePng(Path file) throws IOException {
    writePng(file, LineChart.WIDTH, LineChart.HEIGHT);
  }

  /** Writes the chart as a {@code width × height} PNG, creating missing parent folders. */
  public void writePng(Path file, int width, int height) throws IOException {
    Headless.ensure();
    ChartStyle.writePng(toJFreeChart(), file, width, height);
  }

  /** Builds the JFreeChart form of this chart. */
  JFreeChart toJFreeChart() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Series run : runs) {
      String label = Drawable.legendLabel(run, yScale);
      for (int i = 0; i < layers.size(); i++) {
        double v = run.value(i);
        data.addValue(Drawable.isDrawable(v, yScale) ? v : null, label, layers.get(i));
      }
    }

    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(runs.size() > 1 ? 0.06 : 0.0);
    renderer.setMaximumBarWidth(0.12);
    // On a log axis the bars' base (0) must not pull the axis down to the smallest double.
    renderer.setIncludeBaseInRange(yScale == YScale.LINEAR);
    for (int i = 0; i < runs.size(); i++) {
      renderer.setSeriesPaint(i, Palette.color(i));
    }

    CategoryAxis x = ChartStyle.styled(new CategoryAxis("layer"));
    x.setCategoryMargin(0.25);
    CategoryPlot plot = new CategoryPlot(data, x, ChartStyle.valueAxis(yLabel, yScale, true), renderer);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setDomainGridlinesVisible(false);
    return ChartStyle.chart(title, plot, true);
  }
}
