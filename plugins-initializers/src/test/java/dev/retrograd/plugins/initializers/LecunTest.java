package dev.retrograd.plugins.initializers;

import static dev.retrograd.plugins.initializers.Kit.FAN_IN;
import static dev.retrograd.plugins.initializers.Kit.FAN_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** lecun_uniform: U(−√(3/fan_in), √(3/fan_in)); lecun_normal: N(0, 1/fan_in). Both variance 1/fan_in. */
class LecunTest {

  @Test
  void lecun_uniform_bound_is_sqrt_3_over_fan_in() {
    // √(3/400) = 0.08660254037844387.
    double b = 0.08660254037844387;
    Sample.assertUniform(Kit.fill(Kit.create(new LecunUniform(), ""), FAN_IN, FAN_OUT, 41), -b, b);
  }

  @Test
  void lecun_uniform_takes_each_weight_in_order_from_next_double() {
    // fan_in = 4: bound √(3/4) = 0.8660254037844386.
    double[] weights = Kit.fill(Kit.create(new LecunUniform(), ""), 4, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(reference.nextDouble(-0.8660254037844386, 0.8660254037844386));
    }
  }

  @Test
  void lecun_normal_std_is_one_over_sqrt_fan_in() {
    Sample.assertNormal(Kit.fill(Kit.create(new LecunNormal(), ""), FAN_IN, FAN_OUT, 42), 0, 0.05);
  }

  @Test
  void lecun_normal_takes_each_weight_in_order_as_std_times_next_gaussian() {
    // fan_in = 4: std = 1/2.
    double[] weights = Kit.fill(Kit.create(new LecunNormal(), ""), 4, 5, 7);
    SplittableRandom reference = new SplittableRandom(7);
    for (double weight : weights) {
      assertThat(weight).isEqualTo(0.5 * reference.nextGaussian());
    }
  }
}
