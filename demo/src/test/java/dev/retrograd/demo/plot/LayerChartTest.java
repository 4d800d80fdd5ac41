package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerChartTest {

  @TempDir
  Path dir;

  private static final List<String> LAYERS = List.of("layer1", "layer2", "output");

  @Test
  void writes_a_900_by_600_png_with_bars_in_each_run_color() throws Exception {
    Path file = dir.resolve("gradients.png");
    new LayerChart("Mean |gradient| per layer", "mean |gradient|", LAYERS,
        List.of(Series.of("sigmoid", 1e-6, 1e-4, 1e-2), Series.of("relu", 1e-2, 2e-2, 3e-2)), YScale.LOG)
        .writePng(file);

    BufferedImage image = Pngs.read(file, 900, 600);
    assertThat(Pngs.count(image, Palette.color(0).getRGB())).isGreaterThan(1000);
    assertThat(Pngs.count(image, Palette.color(1).getRGB())).isGreaterThan(1000);
  }

  @Test
  void a_linear_scale_draws_bars_from_zero() throws Exception {
    LayerChart chart = new LayerChart("g", "mean |gradient|", LAYERS, List.of(Series.of("relu", 1, 2, 3)), YScale.LINEAR);

    assertThat(chart.toJFreeChart().getCategoryPlot().getRangeAxis().getLowerBound()).isEqualTo(0.0);
    Path file = dir.resolve("linear.png");
    chart.writePng(file, 600, 400);
    Pngs.read(file, 600, 400);
  }

  @Test
  void a_log_scale_gives_no_bar_to_zero_or_nan_and_says_so() throws Exception {
    LayerChart chart = new LayerChart("g", "mean |gradient|", LAYERS,
        List.of(Series.of("sigmoid", 0.0, Double.NaN, 1e-2)), YScale.LOG);

    CategoryDataset data = chart.toJFreeChart().getCategoryPlot().getDataset();
    assertThat(String.valueOf(data.getRowKey(0))).isEqualTo("sigmoid (1 non-finite, 1 non-positive values not drawn)");
    assertThat(data.getValue(0, 0)).isNull();
    assertThat(data.getValue(0, 1)).isNull();
    assertThat(data.getValue(0, 2)).isEqualTo(1e-2);
    Path file = dir.resolve("log.png");
    chart.writePng(file);
    Pngs.read(file, 900, 600);
  }

  @Test
  void a_log_axis_is_fitted_to_the_bars_not_to_their_base_at_zero() {
    LayerChart chart = new LayerChart("g", "mean |gradient|", LAYERS, List.of(Series.of("relu", 1e-3, 1e-2, 1e-1)), YScale.LOG);

    assertThat(chart.toJFreeChart().getCategoryPlot().getRangeAxis().getLowerBound()).isBetween(1e-4, 1e-3);
  }

  @Test
  void every_run_needs_one_value_per_layer() {
    assertThatThrownBy(() -> new LayerChart("Gradients", "g", LAYERS, List.of(Series.of("adam", 1, 2)), YScale.LOG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run 'adam' has 2 values but the layer chart 'Gradients' has 3 layers [layer1, layer2, output]; "
            + "give one value per layer");
  }

  @Test
  void layer_names_must_be_distinct() {
    assertThatThrownBy(() -> new LayerChart("Gradients", "g", List.of("a", "a"), List.of(Series.of("adam", 1, 2)), YScale.LOG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer names must be distinct in the layer chart 'Gradients', 'a' appears twice");
  }

  @Test
  void needs_layers_and_runs() {
    assertThatThrownBy(() -> new LayerChart("Gradients", "g", List.of(), List.of(Series.of("adam")), YScale.LOG))
        .hasMessage("a layer chart needs at least one layer, got none for 'Gradients'");
    assertThatThrownBy(() -> new LayerChart("Gradients", "g", LAYERS, List.of(), YScale.LOG))
        .hasMessage("a layer chart needs at least one run, got none for 'Gradients'");
  }
}
