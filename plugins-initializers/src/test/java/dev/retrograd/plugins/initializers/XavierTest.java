package dev.retrograd.plugins.initializers;

import static dev.retrograd.plugins.initializers.Kit.FAN_IN;
import static dev.retrograd.plugins.initializers.Kit.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.PluginException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** xavier_uniform: a = gain·√(6/(fan_in+fan_out)); xavier_normal: std = gain·√(2/(fan_in+fan_out)). */
class XavierTest {

  @Test
  void xavier_uniform_bound_is_sqrt_6_over_fan_in_plus_fan_out() {
    // fan_in + fan_out = 625: a = √(6/625) = 0.09797958971132711, variance a²/3 = 2/625.
    double a = 0.09797958971132711;
    Sample.assertUniform(Kit.fill(Kit.create(new XavierUniform(), ""), FAN_IN, FAN_OUT, 21), -a, a);
  }

  @Test
  void xavier_uniform_bound_scales_with_the_gain() {
    double a = 2.5 * 0.09797958971132711;
    Sample.assertUniform(Kit.fill(Kit.create(new XavierUniform(), "gain=2.5"), FAN_IN, FAN_OUT, 22), -a, a);
  }

  @Test
  void xavier_uniform_takes_each_weight_in_order_from_next_double() {
    // fan_in = 3, fan_out = 5: a = √(6/8) = 0.8660254037844386.
    double[] weights = Kit.fill(Kit.create(new XavierUniform(), ""), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(reference.nextDouble(-0.8660254037844386, 0.8660254037844386));
    }
  }

  @Test
  void xavier_uniform_with_zero_gain_gives_zeros() {
    assertThat(Kit.fill(Kit.create(new XavierUniform(), "gain=0"), 4, 3, 1)).containsOnly(0.0);
  }

  @Test
  void xavier_uniform_rejects_a_gain_so_large_that_the_range_overflows() {
    // fan_in = fan_out = 1: a = gain·√3 = 1.7320508075688772e308, finite, but 2a is not.
    var initializer = Kit.create(new XavierUniform(), "gain=1e308");
    assertThatThrownBy(() -> Kit.fill(initializer, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("xavier_uniform: gain=1.0E308 gives the bound a=1.7320508075688772E308,"
            + " and U(-a, a) is wider than the largest double; use a smaller gain");
  }

  @Test
  void xavier_normal_std_is_sqrt_2_over_fan_in_plus_fan_out() {
    // std = √(2/625) = 0.0565685424949238.
    Sample.assertNormal(Kit.fill(Kit.create(new XavierNormal(), ""), FAN_IN, FAN_OUT, 23), 0, 0.0565685424949238);
  }

  @Test
  void xavier_normal_std_scales_with_the_gain() {
    Sample.assertNormal(Kit.fill(Kit.create(new XavierNormal(), "gain=0.5"), FAN_IN, FAN_OUT, 24),
        0, 0.5 * 0.0565685424949238);
  }

  @Test
  void xavier_normal_takes_each_weight_in_order_as_std_times_next_gaussian() {
    // fan_in = 3, fan_out = 5: std = √(2/8) = 0.5.
    double[] weights = Kit.fill(Kit.create(new XavierNormal(), ""), 3, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(0.5 * reference.nextGaussian());
    }
  }

  @Test
  void xavier_rejects_a_negative_gain_as_pytorch_does() {
    assertThatThrownBy(() -> Kit.create(new XavierUniform(), "gain=-1"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Initializer 'xavier_uniform' needs gain >= 0, was -1; it accepts [gain=1.0 (>= 0)].");
    assertThatThrownBy(() -> Kit.create(new XavierNormal(), "gain=-1"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Initializer 'xavier_normal' needs gain >= 0, was -1; it accepts [gain=1.0 (>= 0)].");
  }
}
