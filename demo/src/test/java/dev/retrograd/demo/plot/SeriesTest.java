package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void copies_its_values_on_the_way_in_and_out() {
    double[] values = {1, 2};
    Series series = Series.of("loss", values);
    values[0] = 99;
    series.values()[1] = 99;

    assertThat(series.values()).containsExactly(1, 2);
  }

  @Test
  void a_null_in_a_list_becomes_nan() {
    assertThat(Series.of("loss", Arrays.asList(0.5, null, 2)).values()).containsExactly(0.5, Double.NaN, 2.0);
  }

  @Test
  void needs_a_name_for_the_legend() {
    assertThatThrownBy(() -> Series.of(" ", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a series needs a name for the legend, got a blank one");
  }

  @Test
  void equal_names_and_values_make_equal_series() {
    assertThat(Series.of("a", 1, 2)).isEqualTo(Series.of("a", 1, 2)).hasSameHashCodeAs(Series.of("a", 1, 2));
    assertThat(Series.of("a", 1, 2)).isNotEqualTo(Series.of("a", 1, 3));
  }
}
