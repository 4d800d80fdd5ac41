package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CirclesTest {

  @Test
  void without_noise_the_outer_class_lies_on_radius_one_and_the_inner_on_radius_one_half() {
    Dataset circles = Circles.generate(101, 0.0, 2);

    assertThat(circles.classCounts()).containsExactly(50, 51);
    for (int i = 0; i < circles.size(); i++) {
      double[] p = circles.features()[i];
      double radius = circles.labels()[i] == 0 ? 1.0 : 0.5;
      assertThat(Math.hypot(p[0], p[1])).isCloseTo(radius, within(1e-12));
    }
  }

  @Test
  void without_noise_each_circle_is_evenly_spaced_from_angle_zero_without_the_endpoint() {
    Dataset circles = Circles.generate(8, 0.0, 2);

    List<Double> angles = new ArrayList<>();
    for (int i = 0; i < circles.size(); i++) {
      if (circles.labels()[i] == 0) {
        double[] p = circles.features()[i];
        angles.add((Math.atan2(p[1], p[0]) + 2 * Math.PI) % (2 * Math.PI));
      }
    }
    angles.sort(null);
    assertThat(angles).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(angles.get(i)).isCloseTo(i * Math.PI / 2, within(1e-12));
    }
  }

  @Test
  void noise_moves_the_points_off_the_circles() {
    Dataset circles = Circles.generate(200, 0.1, 2);
    double squared = 0;
    for (int i = 0; i < circles.size(); i++) {
      double[] p = circles.features()[i];
      double radius = circles.labels()[i] == 0 ? 1.0 : 0.5;
      squared += Math.pow(Math.hypot(p[0], p[1]) - radius, 2);
    }
    // the radial part of 2-D Gaussian noise of std 0.1 has a mean square near 0.1² = 0.01
    assertThat(squared / circles.size()).isBetween(0.005, 0.02);
  }
}
