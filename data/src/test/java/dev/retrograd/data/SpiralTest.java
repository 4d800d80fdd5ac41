package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpiralTest {

  @Test
  void spiral_has_the_requested_number_of_classes_with_sizes_differing_by_at_most_one() {
    Dataset spiral = Spiral.generate(302, 0.2, 1, 4);

    assertThat(spiral.classNames()).containsExactly("0", "1", "2", "3");
    assertThat(spiral.classCounts()).containsExactly(76, 76, 75, 75);
  }

  @Test
  void the_registry_gives_three_arms_unless_told_otherwise() {
    assertThat(Datasets.generate("spiral", 90, 0.2, 1).classCount()).isEqualTo(3);
    assertThat(Datasets.generate("spiral", 90, 0.2, 1, 5).classCount()).isEqualTo(5);
  }

  @Test
  void without_noise_arm_j_is_r_times_sin_and_cos_of_4j_plus_4r() {
    Dataset spiral = Spiral.generate(300, 0.0, 1, 3);

    for (int i = 0; i < spiral.size(); i++) {
      double[] p = spiral.features()[i];
      double r = Math.hypot(p[0], p[1]);
      double t = 4.0 * spiral.labels()[i] + 4.0 * r;
      assertThat(p[0]).isCloseTo(r * Math.sin(t), within(1e-12));
      assertThat(p[1]).isCloseTo(r * Math.cos(t), within(1e-12));
    }
  }

  @Test
  void noise_jitters_the_angle_only_so_each_arms_radii_stay_evenly_spaced_from_zero_to_one() {
    Dataset spiral = Spiral.generate(30, 0.5, 1, 3);

    for (int arm = 0; arm < 3; arm++) {
      List<Double> radii = new ArrayList<>();
      for (int i = 0; i < spiral.size(); i++) {
        if (spiral.labels()[i] == arm) {
          radii.add(Math.hypot(spiral.features()[i][0], spiral.features()[i][1]));
        }
      }
      radii.sort(null);
      for (int i = 0; i < 10; i++) {
        assertThat(radii.get(i)).isCloseTo(i / 9.0, within(1e-12));
      }
    }
  }

  @Test
  void fewer_than_two_arms_are_refused() {
    assertThatThrownBy(() -> Spiral.generate(30, 0.2, 1, 1))
        .hasMessage("spiral needs at least 2 classes, was 1");
  }

  @Test
  void fewer_points_than_arms_are_refused() {
    assertThatThrownBy(() -> Spiral.generate(3, 0.2, 1, 4))
        .hasMessage("spiral needs at least 4 points, was 3");
  }
}
