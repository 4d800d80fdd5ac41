package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

  @TempDir
  Path dir;

  private static final Series TRAIN = Series.of("train", 0.7, 0.5, 0.3, 0.2, 0.15);
  private static final Series VALIDATION = Series.of("validation", 0.75, 0.55, 0.4, 0.3, 0.28);

  @Test
  void writes_a_900_by_600_png_with_a_line_in_each_series_color() throws Exception {
    Path file = dir.resolve("loss.png");
    new LineChart("Loss", "epoch", "loss", List.of(TRAIN, VALIDATION), YScale.LINEAR).writePng(file);

    BufferedImage image = Pngs.read(file, 900, 600);
    assertThat(Pngs.count(image, Palette.color(0).getRGB())).isGreaterThan(200);
    assertThat(Pngs.count(image, Palette.color(1).getRGB())).isGreaterThan(200);
    assertThat(image.getRGB(2, 2) & 0xffffff).as("white background").isEqualTo(0xffffff);
  }

  @Test
  void writes_the_size_asked_for_and_creates_missing_folders() throws Exception {
    Path file = dir.resolve("a/b/accuracy.png");
    new LineChart("Accuracy", "epoch", "accuracy", List.of(Series.of("train", 0.5, 0.9)), YScale.LINEAR)
        .writePng(file, 400, 300);

    Pngs.read(file, 400, 300);
  }

  @Test
  void value_i_is_drawn_at_epoch_i_plus_1() {
    XYDataset data = plot(new LineChart("Loss", "epoch", "loss", List.of(TRAIN), YScale.LINEAR)).getDataset();

    assertThat(data.getXValue(0, 0)).isEqualTo(1.0);
    assertThat(data.getXValue(0, 4)).isEqualTo(5.0);
    assertThat(data.getYValue(0, 4)).isEqualTo(0.15);
  }

  @Test
  void a_series_at_its_epochs_is_drawn_at_those_epochs() {
    Series resumed = Series.at("train", new double[] {1, 2, 4, 5}, new double[] {0.7, 0.5, 0.3, 0.2});

    XYDataset data = plot(new LineChart("Loss", "epoch", "loss", List.of(resumed), YScale.LINEAR)).getDataset();

    assertThat(data.getItemCount(0)).isEqualTo(4);
    assertThat(List.of(data.getXValue(0, 0), data.getXValue(0, 1), data.getXValue(0, 2), data.getXValue(0, 3)))
        .containsExactly(1.0, 2.0, 4.0, 5.0);
    assertThat(data.getYValue(0, 2)).isEqualTo(0.3);
  }

  @Test
  void nan_and_infinity_are_left_out_and_counted_in_the_legend() throws Exception {
    Series diverged = Series.of("lion", 0.7, 0.5, 40.0, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN);
    LineChart chart = new LineChart("Optimizers", "epoch", "loss", List.of(TRAIN, diverged), YScale.LOG);

    XYDataset data = plot(chart).getDataset();
    assertThat(String.valueOf(data.getSeriesKey(1))).isEqualTo("lion (3 non-finite values not drawn)");
    assertThat(data.getY(1, 2)).isEqualTo(40.0);
    assertThat(Arrays.asList(data.getY(1, 3), data.getY(1, 4), data.getY(1, 5))).containsOnlyNulls();

    Path file = dir.resolve("optimizers.png");
    chart.writePng(file);
    Pngs.read(file, 900, 600);
  }

  @Test
  void a_log_scale_leaves_out_zeros_and_negatives_and_says_so() throws Exception {
    Series norms = Series.of("layer1", 1e-3, 0.0, 1e-5, -2.0, 1e-7);
    LineChart chart = new LineChart("Gradient norm", "epoch", "norm", List.of(norms), YScale.LOG);

    XYDataset data = plot(chart).getDataset();
    assertThat(String.valueOf(data.getSeriesKey(0))).isEqualTo("layer1 (2 non-positive values not drawn)");
    assertThat(data.getY(0, 1)).isNull();
    assertThat(data.getY(0, 3)).isNull();
    assertThat(data.getYValue(0, 4)).isEqualTo(1e-7);

    Path file = dir.resolve("norms.png");
    chart.writePng(file);
    Pngs.read(file, 900, 600);
  }

  @Test
  void the_same_values_on_a_linear_scale_are_all_drawn() {
    Series norms = Series.of("layer1", 1e-3, 0.0, -2.0);
    XYDataset data = plot(new LineChart("Gradient", "epoch", "g", List.of(norms), YScale.LINEAR)).getDataset();

    assertThat(String.valueOf(data.getSeriesKey(0))).isEqualTo("layer1");
    assertThat(data.getYValue(0, 2)).isEqualTo(-2.0);
  }

  @Test
  void a_chart_with_nothing_drawable_is_still_written() throws Exception {
    Series nothing = Series.of("diverged", Double.NaN, Double.NaN);
    Path file = dir.resolve("empty.png");
    new LineChart("Loss", "epoch", "loss", List.of(nothing), YScale.LOG).writePng(file);

    Pngs.read(file, 900, 600);
  }

  @Test
  void many_runs_overlaid_repeat_colors_with_dashes_after_ten() throws Exception {
    List<Series> runs = java.util.stream.IntStream.range(0, 12)
        .mapToObj(i -> Series.of("run" + i, 1.0 / (i + 1), 0.5 / (i + 1), 0.25 / (i + 1)))
        .toList();
    Path file = dir.resolve("runs.png");
    new LineChart("Runs", "epoch", "loss", runs, YScale.LOG).writePng(file);

    Pngs.read(file, 900, 600);
    assertThat(ChartStyle.lineStroke(3).getDashArray()).isNull();
    assertThat(ChartStyle.lineStroke(10).getDashArray()).isNotNull();
  }

  @Test
  void needs_at_least_one_series() {
    assertThatThrownBy(() -> new LineChart("Loss", "epoch", "loss", List.of(), YScale.LINEAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a line chart needs at least one series, got none for 'Loss'");
  }

  @Test
  void refuses_two_series_with_the_same_name() {
    assertThatThrownBy(() -> new LineChart("Loss", "epoch", "loss", List.of(TRAIN, TRAIN), YScale.LINEAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series names must be distinct in the line chart 'Loss', 'train' appears twice");
  }

  @Test
  void refuses_an_image_too_small_to_read() {
    LineChart chart = new LineChart("Loss", "epoch", "loss", List.of(TRAIN), YScale.LINEAR);

    assertThatThrownBy(() -> chart.writePng(dir.resolve("tiny.png"), 50, 600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a chart needs at least 100×100 pixels to be readable, got 50×600");
  }

  private static XYPlot plot(LineChart chart) {
    return chart.toJFreeChart().getXYPlot();
  }
}
