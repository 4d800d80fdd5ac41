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
  void positions_are_1_to_n_unless_given() {
    assertThat(Series.of("loss", 0.5, 0.4, 0.3).positions()).containsExactly(1, 2, 3);
    assertThat(Series.at("loss", new double[] {4, 5, 7}, new double[] {0.5, 0.4, 0.3}).position(2)).isEqualTo(7);
  }

  @Test
  void positions_must_match_the_values_and_increase() {
    assertThatThrownBy(() -> Series.at("loss", new double[] {1, 2}, new double[] {0.5, 0.4, 0.3}))
        .hasMessage("series 'loss' has 3 values but 2 positions");
    assertThatThrownBy(() -> Series.at("loss", new double[] {1, 3, 3}, new double[] {0.5, 0.4, 0.3}))
        .hasMessage("series 'loss' needs increasing positions, but position 2 is 3.0 after 3.0");
  }

  @Test
  void equal_names_and_values_make_equal_series() {
    assertThat(Series.of("a", 1, 2)).isEqualTo(Series.of("a", 1, 2)).hasSameHashCodeAs(Series.of("a", 1, 2));
    assertThat(Series.of("a", 1, 2)).isNotEqualTo(Series.of("a", 1, 3));
    assertThat(Series.of("a", 1, 2)).isNotEqualTo(Series.at("a", new double[] {2, 3}, new double[] {1, 2}));
  }
}
