package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XorTest {

  @Test
  void without_noise_the_label_is_one_exactly_where_both_coordinates_have_the_same_sign() {
    Dataset xor = Xor.generate(400, 0.0, 6);

    for (int i = 0; i < xor.size(); i++) {
      double[] p = xor.features()[i];
      assertThat(p[0]).isBetween(-1.0, 1.0).isNotZero();
      assertThat(p[1]).isBetween(-1.0, 1.0).isNotZero();
      assertThat(xor.labels()[i]).isEqualTo(Math.signum(p[0]) * Math.signum(p[1]) > 0 ? 1 : 0);
    }
  }

  @Test
  void each_quadrant_gets_a_quarter_of_the_points() {
    Dataset xor = Xor.generate(403, 0.0, 6);
    int[] quadrants = new int[4];
    for (double[] p : xor.features()) {
      quadrants[(p[0] > 0 ? 0 : 1) + (p[1] > 0 ? 0 : 2)]++;
    }

    assertThat(quadrants).containsExactly(101, 101, 100, 101);
    assertThat(xor.classCounts()).containsExactly(201, 202);
  }

  @Test
  void with_noise_some_labels_disagree_with_the_quadrant_but_most_agree() {
    Dataset xor = Xor.generate(1000, 0.1, 6);
    int disagree = 0;
    for (int i = 0; i < xor.size(); i++) {
      double[] p = xor.features()[i];
      disagree += (p[0] * p[1] > 0 ? 1 : 0) != xor.labels()[i] ? 1 : 0;
    }

    assertThat(disagree).isBetween(1, 200);
  }
}
