package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrawableTest {

  @Test
  void a_series_with_every_value_drawable_keeps_its_name() {
    assertThat(Drawable.legendLabel(Series.of("train", 0.5, 0.0), YScale.LINEAR)).isEqualTo("train");
  }

  @Test
  void one_value_left_out_is_singular() {
    assertThat(Drawable.legendLabel(Series.of("train", 0.5, Double.NaN), YScale.LINEAR))
        .isEqualTo("train (1 non-finite value not drawn)");
  }

  @Test
  void both_kinds_are_counted_on_a_log_scale() {
    Series series = Series.of("train", Double.NEGATIVE_INFINITY, 0.0, -1, 0.5);

    assertThat(Drawable.legendLabel(series, YScale.LOG)).isEqualTo("train (1 non-finite, 2 non-positive values not drawn)");
    assertThat(Drawable.legendLabel(series, YScale.LINEAR)).isEqualTo("train (1 non-finite value not drawn)");
  }

  @Test
  void only_finite_positive_values_go_on_a_log_axis() {
    assertThat(Drawable.isDrawable(1e-300, YScale.LOG)).isTrue();
    assertThat(Drawable.isDrawable(0.0, YScale.LOG)).isFalse();
    assertThat(Drawable.isDrawable(0.0, YScale.LINEAR)).isTrue();
    assertThat(Drawable.isDrawable(Double.NaN, YScale.LINEAR)).isFalse();
    assertThat(Drawable.isDrawable(Double.POSITIVE_INFINITY, YScale.LOG)).isFalse();
  }
}
