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
 * <p>Text form, as written in checkpoints ({@link #parse}, {@code toString()}): {@code none},
 * {@code norm:1.0}, {@code value:0.5}.
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
   * Reads the text form {@code none}, {@code norm:MAX_NORM} or {@code value:CLIP_VALUE}.
   *
   * @throws IllegalArgumentException for anything else, listing the accepted forms
   */
  static Clipping parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equals("none")) {
      return none();
    }
    int colon = trimmed.indexOf(':');
    String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
    if (colon > 0 && (kind.equals("norm") || kind.equals("value"))) {
      double limit;
      try {
        limit = Double.parseDouble(trimmed.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Clipping '" + trimmed + "' needs a number after '" + kind + ":'.");
      }
      return kind.equals("norm") ? byNorm(limit) : byValue(limit);
    }
    throw new IllegalArgumentException(
        "Unknown clipping '" + trimmed + "'; accepted: none, norm:MAX_NORM (such as norm:1.0), value:CLIP_VALUE.");
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
      if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
        throw new IllegalArgumentException("max norm must be finite and > 0, was " + maxNorm);
      }
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
      return "norm:" + maxNorm;
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
      if (!(clipValue > 0) || Double.isInfinite(clipValue)) {
        throw new IllegalArgumentException("clip value must be finite and > 0, was " + clipValue);
      }
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
      return "value:" + clipValue;
    }
  }
}
