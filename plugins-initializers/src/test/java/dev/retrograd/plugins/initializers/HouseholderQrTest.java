package dev.retrograd.plugins.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HouseholderQrTest {

  /** Returns Qᵀ·A for Q and A both {@code m × n}: R when A = Q·R. */
  private static double[] qTransposeA(double[] q, double[] a, int m, int n) {
    double[] r = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < m; k++) {
          r[i * n + j] += q[k * n + i] * a[k * n + j];
        }
      }
    }
    return r;
  }

  @Test
  void q_stays_orthonormal_and_r_triangular_on_an_ill_conditioned_matrix() {
    // The 8 × 8 Hilbert matrix, 1/(i+j+1), has condition number about 1.5e10: Gram–Schmidt would
    // lose orthogonality to about 1e-6 here; Householder keeps it to rounding error.
    int n = 8;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = 1.0 / (i + j + 1);
      }
    }
    double[] q = HouseholderQr.signCorrectedQ(a, n, n);
    double[] gram = qTransposeA(q, q, n, n);
    double[] r = qTransposeA(q, a, n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(gram[i * n + j]).as("QᵀQ (%d, %d)", i, j).isCloseTo(i == j ? 1 : 0, within(1e-14));
        if (i > j) {
          assertThat(r[i * n + j]).as("R below the diagonal (%d, %d)", i, j).isCloseTo(0, within(1e-15));
        }
      }
      assertThat(r[i * n + i]).as("R diagonal %d", i).isPositive();
    }
  }

  @Test
  void the_input_is_left_unchanged() {
    double[] a = {1, 2, 3, 4, 5, 7};
    HouseholderQr.signCorrectedQ(a, 3, 2);
    assertThat(a).containsExactly(1, 2, 3, 4, 5, 7);
  }

  @Test
  void a_column_with_nothing_new_comes_out_zero_as_in_pytorch() {
    // Columns (1, 2, 2) and 0: R = [[3, 0], [0, 0]], and torch multiplies Q by sign(0) = 0.
    double[] q = HouseholderQr.signCorrectedQ(new double[] {1, 0, 2, 0, 2, 0}, 3, 2);
    assertThat(q).containsExactly(new double[] {1.0 / 3, 0, 2.0 / 3, 0, 2.0 / 3, 0}, within(1e-15));
  }

  @Test
  void a_wide_matrix_is_refused() {
    assertThatThrownBy(() -> HouseholderQr.signCorrectedQ(new double[6], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("needs rows >= columns, got 2 x 3");
  }
}
