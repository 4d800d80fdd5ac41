package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Log10AxisTest {

  @Test
  void many_decades_get_powers_of_ten_with_unlabelled_marks_between() {
    List<Log10Axis.Tick> ticks = Log10Axis.ticks(3e-7, 0.2);

    assertThat(majors(ticks)).containsExactly(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1);
    assertThat(ticks).contains(new Log10Axis.Tick(2e-6, false), new Log10Axis.Tick(9e-2, false));
  }

  @Test
  void very_many_decades_label_every_kth_power_only() {
    List<Double> majors = majors(Log10Axis.ticks(1e-30, 1));

    assertThat(majors).hasSizeLessThanOrEqualTo(Log10Axis.MAX_LABELS + 1);
    assertThat(majors.get(0)).isCloseTo(1e-30, within(1e-40));
    assertThat(majors.get(1)).isCloseTo(1e-27, within(1e-37));
  }

  @Test
  void under_two_decades_get_one_two_five() {
    assertThat(majors(Log10Axis.ticks(0.02, 0.8))).containsExactly(0.02, 0.05, 0.1, 0.2, 0.5);
  }

  @Test
  void under_one_decade_get_one_to_nine() {
    assertThat(majors(Log10Axis.ticks(0.0205, 0.0764))).containsExactly(0.03, 0.04, 0.05, 0.06, 0.07);
  }

  @Test
  void a_narrow_range_gets_evenly_spaced_round_numbers() {
    assertThat(majors(Log10Axis.ticks(0.5, 0.52))).containsExactly(0.5, 0.505, 0.51, 0.515, 0.52);
  }

  @Test
  void an_empty_or_invalid_range_has_no_ticks() {
    assertThat(Log10Axis.ticks(0, 1)).isEmpty();
    assertThat(Log10Axis.ticks(1, 1)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0.05, 0.05", "0.001, 0.001", "20, 20", "1e-6, 1e-6", "2.5e-7, 2.5e-7", "1e5, 1e5", "0.505, 0.505",
      "1.23456789, 1.235", "123456, 1.235e5", "0, 0"})
  void labels_are_short_round_numbers(double value, String label) {
    assertThat(Log10Axis.label(value)).isEqualTo(label);
  }

  private static List<Double> majors(List<Log10Axis.Tick> ticks) {
    return ticks.stream().filter(Log10Axis.Tick::major).map(Log10Axis.Tick::value).toList();
  }
}
