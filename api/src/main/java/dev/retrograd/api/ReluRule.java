package dev.retrograd.api;

/**
 * The rectified linear unit as PyTorch defines it: the one rule behind both the engine's
 * {@code Value.relu()} and the {@code relu} activation plugin.
 *
 * <pre>
 *   relu(x)  = max(0, x)                          relu(NaN)  = NaN
 *   relu'(x) = 1 for x &gt; 0, 0 for x ≤ 0          relu'(NaN) = 1
 * </pre>
 *
 * <p>The derivative is 0 at the kink x = 0, as for {@code torch.nn.functional.relu}. At NaN the
 * gradient passes: torch's {@code threshold_backward} zeroes the incoming gradient only where the
 * input is ≤ 0, which NaN is not. A backward pass therefore hands the incoming gradient g on
 * unchanged where {@link #passesGradient(double)} holds and hands on exactly 0 elsewhere (even for an
 * infinite g), rather than multiplying g by {@link #derivative(double)}.
 */
public final class ReluRule {

  private ReluRule() {}

  /** Returns max(0, x): x above 0, 0 at or below 0 (also for -0.0), NaN for NaN. */
  public static double apply(double x) {
    return Math.max(x, 0.0);
  }

  /**
   * Returns whether relu hands the incoming gradient back at x: for x &gt; 0 and for NaN, not for
   * x ≤ 0. It is the negation of the test {@code x <= 0} by which torch's {@code threshold_backward}
   * sets the gradient to 0.
   */
  public static boolean passesGradient(double x) {
    return !(x <= 0);
  }

  /** Returns relu'(x): 1 where {@link #passesGradient(double)} holds (x &gt; 0 or NaN), 0 for x ≤ 0. */
  public static double derivative(double x) {
    return passesGradient(x) ? 1 : 0;
  }
}
