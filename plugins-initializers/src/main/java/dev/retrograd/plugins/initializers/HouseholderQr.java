package dev.retrograd.plugins.initializers;

/**
 * The Q factor of a thin QR decomposition by Householder reflections, with its columns multiplied
 * by the signs of R's diagonal, as {@code torch.nn.init.orthogonal_} does after
 * {@code torch.linalg.qr}. That makes the result unique: Q = A·R⁻¹ for the R with a positive
 * diagonal, whatever QR routine computes it.
 *
 * <p>Householder keeps QᵀQ = I to rounding error whatever the conditioning of A, which modified
 * Gram–Schmidt does not.
 */
final class HouseholderQr {

  private HouseholderQr() {}

  /**
   * Returns Q·diag(sign(diag R)) for A = Q·R, where A is {@code m × n}, row-major, m ≥ n; Q is
   * {@code m × n}, row-major, with orthonormal columns. A is left unchanged. As in PyTorch, a column
   * of Q whose R entry is 0 (A rank-deficient, which Gaussian draws are with probability 0) comes
   * out as 0.
   */
  static double[] signCorrectedQ(double[] matrix, int m, int n) {
    if (m < n) {
      throw new IllegalArgumentException("needs rows >= columns, got " + m + " x " + n);
    }
    double[][] a = columns(matrix, m, n);
    double[][] reflectors = new double[n][];
    double[] diagonal = new double[n];
    for (int k = 0; k < n; k++) {
      // H_k = I − 2·v·vᵀ maps column k, rows k..m−1, onto alpha·e₁; choosing alpha's sign
      // opposite to the leading entry avoids cancellation in v = x − alpha·e₁.
      double[] column = a[k];
      double norm = 0;
      for (int i = k; i < m; i++) {
        norm += column[i] * column[i];
      }
      norm = Math.sqrt(norm);
      double alpha = column[k] >= 0 ? -norm : norm;
      diagonal[k] = alpha;
      double[] v = new double[m - k];
      System.arraycopy(column, k, v, 0, m - k);
      v[0] -= alpha;
      double length = 0;
      for (double x : v) {
        length += x * x;
      }
      length = Math.sqrt(length);
      if (length == 0) {
        continue; // the column is 0 on and below the diagonal: H_k = I
      }
      for (int i = 0; i < v.length; i++) {
        v[i] /= length;
      }
      reflectors[k] = v;
      reflect(a, k, v);
    }
    // Q = H_0·H_1·…·H_{n−1}·[I; 0], applied right to left; H_k leaves columns < k alone.
    double[][] q = new double[n][m];
    for (int j = 0; j < n; j++) {
      q[j][j] = 1;
    }
    for (int k = n - 1; k >= 0; k--) {
      if (reflectors[k] != null) {
        reflect(q, k, reflectors[k]);
      }
    }
    double[] result = new double[m * n];
    for (int j = 0; j < n; j++) {
      double sign = Math.signum(diagonal[j]);
      for (int i = 0; i < m; i++) {
        result[i * n + j] = sign * q[j][i];
      }
    }
    return result;
  }

  /** Returns the columns of the row-major {@code m × n} matrix, each an array of m. */
  private static double[][] columns(double[] matrix, int m, int n) {
    double[][] columns = new double[n][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        columns[j][i] = matrix[i * n + j];
      }
    }
    return columns;
  }

  /** Applies I − 2·v·vᵀ to rows k.. of the columns k.. of x. */
  private static void reflect(double[][] x, int k, double[] v) {
    for (int j = k; j < x.length; j++) {
      double[] column = x[j];
      double dot = 0;
      for (int i = 0; i < v.length; i++) {
        dot += v[i] * column[k + i];
      }
      double scale = 2 * dot;
      for (int i = 0; i < v.length; i++) {
        column[k + i] -= scale * v[i];
      }
    }
  }
}
