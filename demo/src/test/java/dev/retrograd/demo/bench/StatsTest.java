package dev.retrograd.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void the_median_of_an_odd_count_is_the_middle_sample() {
    assertThat(Stats.median(new long[] {9, 1, 5, 0, 0}, 3)).isEqualTo(5.0);
  }

  @Test
  void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assertThat(Stats.median(new long[] {4, 1, 3, 10}, 4)).isEqualTo(3.5);
  }

  @Test
  void the_median_leaves_the_samples_unsorted() {
    long[] samples = {3, 1, 2};
    Stats.median(samples, 3);
    assertThat(samples).containsExactly(3, 1, 2);
  }

  @Test
  void the_median_of_no_samples_is_refused() {
    assertThatThrownBy(() -> Stats.median(new long[4], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("median needs between 1 and 4 samples, was asked for 0");
  }

  @Test
  void the_relative_difference_is_scaled_by_the_larger_magnitude() {
    assertThat(Stats.relativeDifference(2.0, 1.0)).isEqualTo(0.5);
    assertThat(Stats.relativeDifference(0.0, 0.0)).isZero();
    assertThat(Stats.maxRelativeDifference(new double[] {1, 4}, new double[] {1, 3})).isEqualTo(0.25);
  }
}
