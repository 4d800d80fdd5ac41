package dev.retrograd.demo.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({"0.12344, 0.1234", "0, 0.0000", "-2.5, -2.5000", "0.001, 0.0010", "9999.99994, 9999.9999",
      "1.23456e-5, 1.235e-05", "12345.6, 1.235e+04", "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity"})
  void a_loss_has_four_decimals_or_four_significant_digits(double loss, String text) {
    assertThat(Numbers.loss(loss)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"0, 0:00:00", "59, 0:00:59", "61, 0:01:01", "3725, 1:02:05", "90000, 25:00:00"})
  void a_duration_reads_hours_minutes_seconds(long seconds, String text) {
    assertThat(Numbers.duration(Duration.ofSeconds(seconds))).isEqualTo(text);
  }
}
