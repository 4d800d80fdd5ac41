package dev.retrograd.plugins.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Initializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * orthogonal as torch.nn.init.orthogonal_: rows × cols = fanOut × fanIn filled with N(0, 1); if
 * rows &lt; cols transpose; Q, R = qr(A); Q *= sign(diag(R)); transpose back; times gain.
 */
class OrthogonalTest {

  /** Returns the Gram matrix of the rows of the row-major {@code rows × columns} w: W·Wᵀ. */
  private static double[] rowGram(double[] w, int rows, int columns) {
    double[] gram = new double[rows * rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < rows; j++) {
        double dot = 0;
        for (int k = 0; k < columns; k++) {
          dot += w[i * columns + k] * w[j * columns + k];
        }
        gram[i * rows + j] = dot;
      }
    }
    return gram;
  }

  /** Returns Wᵀ·W for the row-major {@code rows × columns} w. */
  private static double[] columnGram(double[] w, int rows, int columns) {
    double[] transposed = new double[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        transposed[c * rows + r] = w[r * columns + c];
      }
    }
    return rowGram(transposed, columns, rows);
  }

  /** Asserts that the {@code n × n} matrix equals scale·I to within 1e-10 in every entry. */
  private static void assertScaledIdentity(double[] matrix, int n, double scale) {
    double worst = 0;
    String where = "";
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double error = Math.abs(matrix[i * n + j] - (i == j ? scale : 0.0));
        if (!(error <= worst)) {
          worst = error;
          where = "entry (" + i + ", " + j + ") = " + matrix[i * n + j];
        }
      }
    }
    assertThat(worst).as("largest error from %s·I, at %s", scale, where).isLessThan(1e-10);
  }

  private static Initializer orthogonal(String hyperparameters) {
    return Kit.create(new Orthogonal(), hyperparameters);
  }

  @Test
  void a_square_matrix_is_orthogonal_both_ways() {
    double[] w = Kit.fill(orthogonal(""), 300, 300, 51);
    assertScaledIdentity(rowGram(w, 300, 300), 300, 1);
    assertScaledIdentity(columnGram(w, 300, 300), 300, 1);
  }

  @Test
  void a_wide_matrix_has_orthonormal_rows() {
    // fanOut = 50 < fanIn = 200: W·Wᵀ = I (50 × 50).
    double[] w = Kit.fill(orthogonal(""), 200, 50, 52);
    assertScaledIdentity(rowGram(w, 50, 200), 50, 1);
  }

  @Test
  void a_tall_matrix_has_orthonormal_columns() {
    // fanOut = 200 > fanIn = 50: Wᵀ·W = I (50 × 50).
    double[] w = Kit.fill(orthogonal(""), 50, 200, 53);
    assertScaledIdentity(columnGram(w, 200, 50), 50, 1);
  }

  @Test
  void the_gain_scales_the_gram_matrix_by_its_square() {
    assertScaledIdentity(rowGram(Kit.fill(orthogonal("gain=2"), 120, 40, 54), 40, 120), 40, 4);
    assertScaledIdentity(columnGram(Kit.fill(orthogonal("gain=2"), 40, 120, 55), 120, 40), 40, 4);
  }

  @Test
  void a_negative_gain_is_a_plain_factor_as_in_pytorch() {
    double[] plain = Kit.fill(orthogonal(""), 30, 20, 56);
    double[] scaled = Kit.fill(orthogonal("gain=-3"), 30, 20, 56);
    for (int i = 0; i < plain.length; i++) {
      assertThat(scaled[i]).isEqualTo(-3 * plain[i]);
    }
  }

  @Test
  void a_wide_matrix_matches_pytorchs_steps_on_the_same_draws() {
    // numpy, the same steps as torch: a = g.reshape(2, 3).T; q, r = np.linalg.qr(a);
    // q *= np.sign(np.diag(r)); w = q.T. Row 1 is row 1 of A normalized: (0.5, −1.25, 2)/√5.8125.
    ScriptedGaussians draws = new ScriptedGaussians(0.5, -1.25, 2.0, 0.75, 1.5, -0.25);
    double[] w = new double[6];
    orthogonal("").initialize(w, 3, 2, draws);
    assertThat(draws.drawn()).isEqualTo(6);
    assertThat(w).containsExactly(new double[] {0.20739033894608516, -0.5184758473652127,
        0.8295613557843403, 0.6235106435861694, 0.7234904843944473, 0.2963038918499872},
        within(1e-15));
  }

  @Test
  void a_tall_matrix_matches_pytorchs_steps_on_the_same_draws() {
    // numpy: a = g.reshape(3, 2); q, r = np.linalg.qr(a); q *= np.sign(np.diag(r)).
    // Column 1 is column 1 of A normalized: (0.5, 2, 1.5)/√6.5.
    ScriptedGaussians draws = new ScriptedGaussians(0.5, -1.25, 2.0, 0.75, 1.5, -0.25);
    double[] w = new double[6];
    orthogonal("").initialize(w, 2, 3, draws);
    assertThat(w).containsExactly(new double[] {0.19611613513818393, -0.8789200363050956,
        0.784464540552736, 0.4066644944098206, 0.588348405414552, -0.24924598044472857},
        within(1e-15));
  }

  @Test
  void a_single_row_or_column_is_the_draws_normalized() {
    double[] row = new double[2];
    orthogonal("").initialize(row, 2, 1, new ScriptedGaussians(3, -4));
    assertThat(row).containsExactly(new double[] {0.6, -0.8}, within(1e-15));
    double[] column = new double[2];
    orthogonal("gain=5").initialize(column, 1, 2, new ScriptedGaussians(3, -4));
    assertThat(column).containsExactly(new double[] {3, -4}, within(1e-14));
  }

  @Test
  void a_single_weight_is_the_sign_of_its_draw_times_the_gain() {
    double[] w = new double[1];
    orthogonal("gain=2").initialize(w, 1, 1, new ScriptedGaussians(-0.7));
    assertThat(w).containsExactly(-2.0);
  }

  @Test
  void a_large_orthogonal_matrix_has_no_bias_left_by_the_qr_signs() {
    // After the sign correction W is uniformly (Haar) distributed: its trace has mean 0 and
    // variance 1, and its entries are positive half the time (sd 150 of 90,000). Without the
    // correction Householder gives W[0][0] = −|a₀₀|/‖a₀‖ < 0, and a trace near −0.8·√300 ≈ −14.
    double[] w = Kit.fill(orthogonal(""), 300, 300, 57);
    double trace = 0;
    for (int i = 0; i < 300; i++) {
      trace += w[i * 300 + i];
    }
    assertThat(trace).isBetween(-5.0, 5.0);
    assertThat(Arrays.stream(w).filter(x -> x > 0).count()).isBetween(44_000L, 46_000L);
  }
}
