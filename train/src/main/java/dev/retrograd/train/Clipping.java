package dev.retrograd.train;

/**
 * Gradient clipping, applied after the backward pass and before the optimizer's step.
 *
 * <ul>
 *   <li>{@link #none()}: gradients pass unchanged.
 *   <li>{@link #byNorm(double)}: {@code torch.nn.utils.clip_grad_norm_(parameters, max_norm,
 *       norm_type=2)}: {@code total = sqrt(Σ g²)}, {@code coef = max_norm / (total + 1e-6)}, and if
 *       {@code coef < 1} every gradient is multiplied by {@code coef}.
 *   <li>{@link #byValue(double)}: {@code torch.nn.utils.clip_grad_value_(parameters, clip_value)}:
 *       every gradient clamped to {@code [−clip_value, clip_value]}.
 * </ul>
 *
 * <p>Text form, as written in checkpoints ({@link #parse}, {@code toString()}), read by the same
 * parser and checks as plugin hyperparameters: {@code none}, {@code norm:max_norm=1.0},
 * {@code value:clip_value=0.5}. The one parameter may stand alone, as checkpoints written before
 * this form have it: {@code norm:1.0}.
 */
public sealed interface Clipping {

  /**
   * Clips {@code gradients} in place and returns their global L2 norm {@code sqrt(Σ g²)} from
   * before clipping, as {@code clip_grad_norm_} returns it.
   */
  double clip(double[] gradients);

  /** Returns no clipping. */
  static Clipping none() {
    return new None();
  }

  /** Returns clipping by global norm to {@code maxNorm}. */
  static Clipping byNorm(double maxNorm) {
    return new ByNorm(maxNorm);
  }

  /** Returns clipping of each gradient to {@code [−clipValue, clipValue]}. */
  static Clipping byValue(double clipValue) {
    return new ByValue(clipValue);
  }

  /**
   * Reads the text form {@code none}, {@code norm:max_norm=MAX_NORM} or
   * {@code value:clip_value=CLIP_VALUE} (or {@code norm:MAX_NORM}, {@code value:CLIP_VALUE}).
   *
   * @throws IllegalArgumentException for an unknown clipping, listing the accepted ones, or a
   *     missing, malformed or out-of-range limit, naming the clipping and what it accepts
   */
  static Clipping parse(String text) {
    return ClippingForms.ALL.parse(text);
  }

  /** Returns {@code sqrt(Σ g²)}. */
  static double globalNorm(double[] gradients) {
    double sumOfSquares = 0;
    for (double g : gradients) {
      sumOfSquares += g * g;
    }
    return Math.sqrt(sumOfSquares);
  }

  /** Gradients pass unchanged. */
  record None() implements Clipping {
    @Override
    public double clip(double[] gradients) {
      return globalNorm(gradients);
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /**
   * Rescales all gradients together so their global norm is at most about {@code maxNorm}, as
   * {@code torch.nn.utils.clip_grad_norm_} (including its {@code 1e-6} in the denominator).
   *
   * @param maxNorm the largest global norm, finite and &gt; 0
   */
  record ByNorm(double maxNorm) implements Clipping {
    /** Checks the range. */
    public ByNorm {
      ClippingForms.ALL.check("norm", maxNorm);
    }

    @Override
    public double clip(double[] gradients) {
      double total = globalNorm(gradients);
      double coefficient = maxNorm / (total + 1e-6);
      if (coefficient < 1) {
        for (int i = 0; i < gradients.length; i++) {
          gradients[i] *= coefficient;
        }
      }
      return total;
    }

    @Override
    public String toString() {
      return ClippingForms.ALL.text("norm", maxNorm);
    }
  }

  /**
   * Clamps each gradient to {@code [−clipValue, clipValue]}, as {@code torch.nn.utils.clip_grad_value_}.
   *
   * @param clipValue the largest magnitude, finite and &gt; 0
   */
  record ByValue(double clipValue) implements Clipping {
    /** Checks the range. */
    public ByValue {
      ClippingForms.ALL.check("value", clipValue);
    }

    @Override
    public double clip(double[] gradients) {
      double total = globalNorm(gradients);
      for (int i = 0; i < gradients.length; i++) {
        gradients[i] = Math.max(-clipValue, Math.min(clipValue, gradients[i]));
      }
      return total;
    }

    @Override
    public String toString() {
      return ClippingForms.ALL.text("value", clipValue);
    }
  }
}
