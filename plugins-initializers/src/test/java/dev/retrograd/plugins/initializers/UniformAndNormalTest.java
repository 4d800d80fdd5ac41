package dev.retrograd.plugins.initializers;

import static dev.retrograd.plugins.initializers.Kit.FAN_IN;
import static dev.retrograd.plugins.initializers.Kit.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.PluginException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UniformAndNormalTest {

  @Test
  void uniform_defaults_to_minus_one_to_one() {
    Sample.assertUniform(Kit.fill(Kit.create(new Uniform(), ""), FAN_IN, FAN_OUT, 11), -1, 1);
  }

  @Test
  void uniform_draws_between_low_and_high() {
    // U[2, 5): mean 3.5, variance 9/12 = 0.75.
    Sample.assertUniform(Kit.fill(Kit.create(new Uniform(), "low=2,high=5"), FAN_IN, FAN_OUT, 12), 2, 5);
  }

  @Test
  void uniform_takes_each_weight_in_order_from_next_double_low_high() {
    double[] weights = Kit.fill(Kit.create(new Uniform(), "low=-0.5,high=3"), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(reference.nextDouble(-0.5, 3));
    }
  }

  @Test
  void uniform_handles_bounds_of_the_largest_magnitude() {
    // high − low = 1e308 + 7e307 is still finite.
    double[] weights = Kit.fill(Kit.create(new Uniform(), "low=-7e307,high=1e308"), 50, 20, 3);
    double min = Arrays.stream(weights).min().orElseThrow();
    double max = Arrays.stream(weights).max().orElseThrow();
    assertThat(min).isGreaterThanOrEqualTo(-7e307).isLessThan(-6e307);
    assertThat(max).isLessThan(1e308).isGreaterThan(0.9e308);
  }

  @Test
  void uniform_rejects_a_range_wider_than_the_largest_double_as_pytorch_does() {
    assertThatThrownBy(() -> Kit.create(new Uniform(), "low=-1e308,high=1e308"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uniform: needs high - low <= 1.7976931348623157E308, the largest double,"
            + " got low=-1.0E308, high=1.0E308");
  }

  @Test
  void uniform_rejects_low_not_below_high_naming_both() {
    assertThatThrownBy(() -> Kit.create(new Uniform(), "low=1,high=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uniform: needs low < high, got low=1.0, high=1.0");
    assertThatThrownBy(() -> Kit.create(new Uniform(), "low=2,high=-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uniform: needs low < high, got low=2.0, high=-1.0");
  }

  @Test
  void normal_defaults_to_the_standard_normal() {
    Sample.assertNormal(Kit.fill(Kit.create(new Normal(), ""), FAN_IN, FAN_OUT, 13), 0, 1);
  }

  @Test
  void normal_draws_around_the_mean_with_the_std() {
    Sample.assertNormal(Kit.fill(Kit.create(new Normal(), "mean=3,std=0.5"), FAN_IN, FAN_OUT, 14), 3, 0.5);
  }

  @Test
  void normal_takes_each_weight_in_order_as_mean_plus_std_times_next_gaussian() {
    double[] weights = Kit.fill(Kit.create(new Normal(), "mean=-1,std=2"), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(-1 + 2 * reference.nextGaussian());
    }
  }

  @Test
  void normal_with_zero_std_gives_exactly_the_mean() {
    assertThat(Kit.fill(Kit.create(new Normal(), "mean=0.25,std=0"), 6, 4, 1)).containsOnly(0.25);
  }

  @Test
  void normal_rejects_a_negative_std_as_pytorch_does() {
    assertThatThrownBy(() -> Kit.create(new Normal(), "std=-1"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Initializer 'normal' needs std >= 0, was -1; it accepts [mean=0.0, std=1.0 (>= 0)].");
  }
}
