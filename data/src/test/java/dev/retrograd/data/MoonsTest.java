package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MoonsTest {

  @Test
  void without_noise_points_lie_on_the_two_arcs() {
    Dataset moons = Moons.generate(100, 0.0, 1);
    for (int i = 0; i < moons.size(); i++) {
      double[] p = moons.features()[i];
      double cx = moons.labels()[i] == 0 ? 0.0 : 1.0;
      double cy = moons.labels()[i] == 0 ? 0.0 : 0.5;
      assertThat(Math.hypot(p[0] - cx, p[1] - cy)).isCloseTo(1.0, within(1e-12));
      assertThat(moons.labels()[i] == 0 ? p[1] : -(p[1] - 0.5)).isGreaterThanOrEqualTo(-1e-12);
    }
  }

  @Test
  void classes_are_balanced_and_shuffled() {
    Dataset moons = Moons.generate(101, 0.1, 1);
    assertThat(Arrays.stream(moons.labels()).filter(y -> y == 0).count()).isEqualTo(50);
    assertThat(Arrays.stream(moons.labels()).filter(y -> y == 1).count()).isEqualTo(51);
    assertThat(moons.labels()).isNotEqualTo(sorted(moons.labels()));
  }

  private static int[] sorted(int[] labels) {
    int[] copy = labels.clone();
    Arrays.sort(copy);
    return copy;
  }

  @Test
  void the_same_seed_gives_the_same_points() {
    assertThat(Moons.generate(50, 0.1, 9).features()).isDeepEqualTo(Moons.generate(50, 0.1, 9).features());
    assertThat(Moons.generate(50, 0.1, 9).features()[0]).isNotEqualTo(Moons.generate(50, 0.1, 10).features()[0]);
  }
}
