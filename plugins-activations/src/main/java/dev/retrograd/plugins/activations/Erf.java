package dev.retrograd.plugins.activations;

/**
 * The error function erf and its complement erfc = 1 − erf, which {@link Math} lacks.
 *
 * <p>W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631–637; the coefficients of netlib specfun's CALERF):
 *
 * <ul>
 *   <li>|x| ≤ 0.46875: erf(x) = x·R₁(x²);
 *   <li>0.46875 &lt; |x| ≤ 4: erfc(|x|) = exp(−x²)·R₂(|x|);
 *   <li>|x| &gt; 4: erfc(|x|) = exp(−x²)/|x|·(1/√π − R₃(1/x²)/x²);
 * </ul>
 *
 * <p>and erfc(−x) = 2 − erfc(x), erf(x) = 1 − erfc(x). Each R is a ratio of polynomials, evaluated
 * by compensated Horner's rule (Graillat, Langlois and Louvet, 2005) so that it is as accurate as
 * one rounding; exp(−x²) is formed as exp(−h²)·exp((h − x)(h + x)) with h the leading 21 bits of x,
 * so h² is exact and rounding x² costs nothing. Both are within about 3 ulp of the true value
 * (erfc down to its underflow near x = 27.3). {@link Math#fma} is an intrinsic on current x86-64
 * and AArch64 processors; elsewhere the JDK's exact fallback is correct but slow.
 */
final class Erf {

  private static final double SMALL = 0.46875;
  private static final double MIDDLE = 4;
  private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
  /** erfc(x) rounds to 0 for x at least this large. */
  private static final double ERFC_UNDERFLOW = 27.3;

  // Cody's coefficients, highest power first.
  /** R₁(t) = erf(x)/x, t = x², |x| ≤ 0.46875. */
  private static final double[] NUMERATOR_1 = {
      1.85777706184603153e-1, 3.16112374387056560e00, 1.13864154151050156e02,
      3.77485237685302021e02, 3.20937758913846947e03};
  private static final double[] DENOMINATOR_1 = {
      1, 2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
      2.84423683343917062e03};
  /** R₂(t) = exp(x²)·erfc(x), t = x, 0.46875 &lt; x ≤ 4. */
  private static final double[] NUMERATOR_2 = {
      2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e00,
      6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
      1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03};
  private static final double[] DENOMINATOR_2 = {
      1, 1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
      1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
      3.43936767414372164e03, 1.23033935480374942e03};
  /** R₃(t) with x·exp(x²)·erfc(x) = 1/√π − t·R₃(t), t = 1/x², x &gt; 4. */
  private static final double[] NUMERATOR_3 = {
      1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1,
      1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4};
  private static final double[] DENOMINATOR_3 = {
      1, 2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
      6.05183413124413191e-2, 2.33520497626869185e-3};

  private Erf() {}

  /** Returns erf(x) = 2/√π ∫₀ˣ exp(−t²) dt; odd, ±1 at ±∞, NaN for NaN. */
  static double erf(double x) {
    double y = Math.abs(x);
    if (y <= SMALL) {
      return x * ratio(NUMERATOR_1, DENOMINATOR_1, y * y);
    }
    double result = (0.5 - erfcOfPositive(y)) + 0.5;
    return x < 0 ? -result : result;
  }

  /** Returns erfc(x) = 1 − erf(x), accurate where it is tiny (large x); 2 at −∞, NaN for NaN. */
  static double erfc(double x) {
    double y = Math.abs(x);
    if (y <= SMALL) {
      return 1 - x * ratio(NUMERATOR_1, DENOMINATOR_1, y * y);
    }
    double result = erfcOfPositive(y);
    return x < 0 ? 2 - result : result;
  }

  /** Returns erfc(y) for y &gt; 0.46875; NaN for NaN. */
  private static double erfcOfPositive(double y) {
    if (y >= ERFC_UNDERFLOW) {
      return 0;
    }
    double scaled; // exp(y²)·erfc(y)
    if (y <= MIDDLE) {
      scaled = ratio(NUMERATOR_2, DENOMINATOR_2, y);
    } else {
      double t = 1 / (y * y);
      scaled = (ONE_OVER_SQRT_PI - t * ratio(NUMERATOR_3, DENOMINATOR_3, t)) / y;
    }
    // exp(−y²) = exp(−h²)·exp(δ) with h² exact and δ = (h − y)(h + y) tiny.
    double head = Double.longBitsToDouble(Double.doubleToRawLongBits(y) & 0xffffffff00000000L);
    double delta = (head - y) * (head + y);
    return Math.exp(-head * head) * (scaled + scaled * Math.expm1(delta));
  }

  /**
   * Returns p(t)/q(t), coefficients highest power first, to about one rounding: each polynomial is
   * a Horner sum plus its rounding error, and the quotient of those double-double values is rounded
   * once more.
   */
  private static double ratio(double[] p, double[] q, double t) {
    double numerator = horner(p, t);
    double denominator = horner(q, t);
    double quotient = numerator / denominator;
    double remainder = Math.fma(-quotient, denominator, numerator) + hornerError(p, t)
        - quotient * hornerError(q, t);
    return quotient + remainder / denominator;
  }

  private static double horner(double[] coefficients, double t) {
    double sum = coefficients[0];
    for (int i = 1; i < coefficients.length; i++) {
      sum = sum * t + coefficients[i];
    }
    return sum;
  }

  /**
   * Returns the exact polynomial minus {@link #horner}'s value, to first order: the rounding errors
   * of Horner's products (exact with fma) and sums (Knuth's two-sum), themselves summed by Horner's
   * rule. This is compensated Horner (Graillat, Langlois and Louvet, 2005).
   */
  private static double hornerError(double[] coefficients, double t) {
    double sum = coefficients[0];
    double error = 0;
    for (int i = 1; i < coefficients.length; i++) {
      double product = sum * t;
      double productError = Math.fma(sum, t, -product);
      double next = product + coefficients[i];
      double virtual = next - product;
      double sumError = (product - (next - virtual)) + (coefficients[i] - virtual);
      error = error * t + (productError + sumError);
      sum = next;
    }
    return error;
  }
}
