package dev.retrograd.autograd;

/**
 * A scalar function of several {@link Value} inputs, as {@link GradCheck} differentiates it:
 * {@code x -> x[0].mul(x[1]).tanh()}.
 */
@FunctionalInterface
public interface Expression {

  /** Builds the graph of the function over {@code inputs} and returns its output. */
  Value apply(Value... inputs);
}
