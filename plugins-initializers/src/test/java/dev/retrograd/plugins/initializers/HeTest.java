package dev.retrograd.plugins.initializers;

import static dev.retrograd.plugins.initializers.Kit.FAN_IN;
import static dev.retrograd.plugins.initializers.Kit.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.PluginException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * kaiming_*_ with mode='fan_in': gain = √(2/(1+negative_slope²)); uniform bound gain·√(3/fan_in),
 * normal std gain/√fan_in. fan_in = 400 here, fan_out = 225, so using fan_out would show.
 */
class HeTest {

  @Test
  void he_uniform_bound_is_sqrt_2_times_sqrt_3_over_fan_in() {
    // √2·√(3/400) = 0.12247448713915891, variance 2/400.
    double b = 0.12247448713915891;
    Sample.assertUniform(Kit.fill(Kit.create(new HeUniform(), ""), FAN_IN, FAN_OUT, 31), -b, b);
  }

  @Test
  void he_uniform_gain_follows_the_negative_slope() {
    // √(2/1.04)·√(3/400) = 1.3867504905630728 · 0.08660254037844387 = 0.12009611535381536.
    double b = 0.12009611535381536;
    Sample.assertUniform(Kit.fill(Kit.create(new HeUniform(), "negative_slope=0.2"), FAN_IN, FAN_OUT, 32), -b, b);
  }

  @Test
  void he_uniform_takes_each_weight_in_order_from_next_double() {
    // fan_in = 3: bound √2·√(3/3) = √2.
    double[] weights = Kit.fill(Kit.create(new HeUniform(), ""), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(reference.nextDouble(-1.4142135623730951, 1.4142135623730951));
    }
  }

  @Test
  void he_normal_std_is_sqrt_2_over_sqrt_fan_in() {
    // √2/√400 = 0.07071067811865475.
    Sample.assertNormal(Kit.fill(Kit.create(new HeNormal(), ""), FAN_IN, FAN_OUT, 33), 0, 0.07071067811865475);
  }

  @Test
  void he_normal_gain_follows_the_negative_slope() {
    // √(2/1.04)/20 = 0.06933752452815364.
    Sample.assertNormal(Kit.fill(Kit.create(new HeNormal(), "negative_slope=0.2"), FAN_IN, FAN_OUT, 34),
        0, 0.06933752452815364);
  }

  @Test
  void he_normal_takes_each_weight_in_order_as_std_times_next_gaussian() {
    // fan_in = 3: std = √2/√3 = 0.8164965809277261.
    double[] weights = Kit.fill(Kit.create(new HeNormal(), ""), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(0.8164965809277261 * reference.nextGaussian());
    }
  }

  @Test
  void he_with_negative_slope_one_is_lecun_because_the_gain_is_one() {
    assertThat(Kit.fill(Kit.create(new HeUniform(), "negative_slope=1"), 9, 4, 5))
        .containsExactly(Kit.fill(Kit.create(new LecunUniform(), ""), 9, 4, 5));
    assertThat(Kit.fill(Kit.create(new HeNormal(), "negative_slope=1"), 9, 4, 5))
        .containsExactly(Kit.fill(Kit.create(new LecunNormal(), ""), 9, 4, 5));
  }

  @Test
  void he_rejects_a_negative_slope() {
    assertThatThrownBy(() -> Kit.create(new HeNormal(), "negative_slope=-0.1"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Initializer 'he_normal' needs negative_slope >= 0, was -0.1;"
            + " it accepts [negative_slope=0.0 (>= 0)].");
  }
}
