package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.demo.plot.LayerChart;
import dev.retrograd.demo.plot.LineChart;
import dev.retrograd.demo.plot.Series;
import dev.retrograd.demo.plot.YScale;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunChartsTest {

  private final RunFigures clipped = RunFiguresTest.figures("clip norm 1.0", List.of(60.0, 2.0, 0.3),
      List.of(168.0, 90.0, 40.0, 3.0, 0.5), null);
  private final RunFigures diverged = RunFiguresTest.figures("no clipping", List.of(),
      List.of(168.0, 271.0, 1460.0, 4.9e5, 6.5e10, 1.5e53), new Divergence(1, 7, Double.NaN, 1.5e53));

  @Test
  void loss_per_epoch_overlays_the_runs_on_a_log_axis_and_names_where_a_run_diverged() {
    LineChart chart = RunCharts.lossPerEpoch("Loss", List.of(diverged, clipped));

    assertThat(chart.yScale()).isEqualTo(YScale.LOG);
    assertThat(chart.xLabel()).isEqualTo("epoch");
    assertThat(chart.series()).containsExactly(
        Series.of("no clipping (diverged at epoch 1, step 7)"),
        Series.of("clip norm 1.0", 60.0, 2.0, 0.3));
  }

  @Test
  void loss_per_step_draws_a_diverging_run_up_to_the_ceiling_and_says_so() {
    LineChart chart = RunCharts.lossPerStep("Loss", List.of(diverged, clipped), 1e6);

    assertThat(chart.xLabel()).isEqualTo("step");
    assertThat(chart.series()).containsExactly(
        Series.of("no clipping (diverged at epoch 1, step 7; drawn up to loss 1.00e+06)", 168.0, 271.0, 1460.0, 4.9e5),
        Series.of("clip norm 1.0", 168.0, 90.0, 40.0, 3.0, 0.5));
  }

  @Test
  void gradients_per_layer_are_bars_labelled_by_layer_number() {
    LayerChart chart = RunCharts.firstEpochGradients("Gradients", List.of(clipped));

    assertThat(chart.layers()).containsExactly("1", "2", "3");
    assertThat(chart.runs()).containsExactly(Series.of("clip norm 1.0", 2e-6, 1e-3, 0.05));
    assertThat(chart.yScale()).isEqualTo(YScale.LOG);
  }
}
