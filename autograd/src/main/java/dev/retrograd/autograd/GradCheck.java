package dev.retrograd.autograd;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Compares analytic gradients with central finite differences, as {@code torch.autograd.gradcheck}
 * does for doubles.
 *
 * <p>For each input x<sub>i</sub>, the numeric derivative is (f(x + ε·e<sub>i</sub>) − f(x −
 * ε·e<sub>i</sub>)) / 2ε and the check passes when |analytic − numeric| ≤ atol + rtol·|numeric|.
 * Defaults: ε = 1e-6, atol = 1e-5, rtol = 1e-3.
 *
 * <pre>{@code
 * GradCheck.defaults().check(x -> x[0].mul(x[1]).tanh(), 0.5, -1.5);
 * GradCheck.defaults().check(myActivation, -3, -0.5, 0.5, 3);
 * }</pre>
 *
 * @param eps the finite-difference step
 * @param atol the absolute tolerance
 * @param rtol the tolerance relative to the numeric derivative
 */
public record GradCheck(double eps, double atol, double rtol) {

  /** Validates that every setting is positive and finite. */
  public GradCheck {
    requirePositive("eps", eps);
    requirePositive("atol", atol);
    requirePositive("rtol", rtol);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, was " + value);
    }
  }

  /** Returns a check with torch.autograd.gradcheck's defaults for doubles. */
  public static GradCheck defaults() {
    return new GradCheck(1e-6, 1e-5, 1e-3);
  }

  /**
   * One input whose analytic and numeric derivatives disagree.
   *
   * @param input the input's name in messages, such as {@code x1} or {@code prediction[2]}
   * @param index its position: the argument, the prediction element, or the point checked
   * @param at its value
   */
  public record Mismatch(String input, int index, double at, double analytic, double numeric, double tolerance) {

    /** Returns |analytic − numeric|. */
    public double error() {
      return Math.abs(analytic - numeric);
    }

    @Override
    public String toString() {
      return input + " = " + at + ": analytic " + analytic + ", numeric " + numeric
          + ", |error| " + error() + " > tolerance " + tolerance;
    }
  }

  /** Returns the inputs of {@code f} at {@code point} whose gradients disagree; empty when all agree. */
  public List<Mismatch> compare(Expression f, double... point) {
    Value[] inputs = leaves(point);
    f.apply(inputs).backward();
    List<Mismatch> mismatches = new ArrayList<>();
    for (int i = 0; i < point.length; i++) {
      int index = i;
      double numeric = centralDifference(x -> evaluate(f, with(point, index, x)), point[i]);
      compare("x" + i, i, point[i], inputs[i].grad(), numeric, mismatches);
    }
    return mismatches;
  }

  /** Returns the points at which {@code activation.derivative} disagrees with its numeric derivative. */
  public List<Mismatch> compare(Activation activation, double... points) {
    List<Mismatch> mismatches = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      double x = points[i];
      double analytic = activation.derivative(x, activation.apply(x));
      compare("x", i, x, analytic, centralDifference(activation::apply, x), mismatches);
    }
    return mismatches;
  }

  /**
   * Returns the elements of {@code prediction} at which {@code loss.gradient} disagrees with the
   * numeric derivative of {@code loss.value}, for the given target.
   */
  public List<Mismatch> compare(Loss loss, double[] prediction, double[] target) {
    double[] analytic = new double[prediction.length];
    loss.gradient(prediction.clone(), target.clone(), analytic);
    List<Mismatch> mismatches = new ArrayList<>();
    for (int i = 0; i < prediction.length; i++) {
      int index = i;
      double numeric = centralDifference(x -> loss.value(with(prediction, index, x), target), prediction[i]);
      compare("prediction[" + i + "]", i, prediction[i], analytic[i], numeric, mismatches);
    }
    return mismatches;
  }

  /**
   * Checks {@code loss.gradient} at {@code prediction} for {@code target}.
   *
   * @throws AssertionError naming each element that disagrees, with both numbers and the error
   */
  public void check(Loss loss, double[] prediction, double[] target) {
    failOn(compare(loss, prediction, target), "loss " + loss + " at prediction "
        + Arrays.toString(prediction) + ", target " + Arrays.toString(target));
  }

  /**
   * Checks every input's gradient of {@code f} at {@code point}.
   *
   * @throws AssertionError naming each input that disagrees, with both numbers and the error
   */
  public void check(Expression f, double... point) {
    failOn(compare(f, point), "f at " + Arrays.toString(point));
  }

  /**
   * Checks {@code activation.derivative} at each of {@code points}.
   *
   * @throws AssertionError naming each point that disagrees, with both numbers and the error
   */
  public void check(Activation activation, double... points) {
    failOn(compare(activation, points), "activation " + activation);
  }

  /** Returns (f(x + ε) − f(x − ε)) / 2ε. */
  public double centralDifference(DoubleUnaryOperator f, double x) {
    return (f.applyAsDouble(x + eps) - f.applyAsDouble(x - eps)) / (2 * eps);
  }

  /** Adds a mismatch unless |analytic − numeric| ≤ atol + rtol·|numeric|; NaN never passes. */
  public void compare(String input, int index, double at, double analytic, double numeric,
      List<Mismatch> mismatches) {
    double tolerance = atol + rtol * Math.abs(numeric);
    if (!(Math.abs(analytic - numeric) <= tolerance)) {
      mismatches.add(new Mismatch(input, index, at, analytic, numeric, tolerance));
    }
  }

  /**
   * Throws an {@link AssertionError} listing {@code mismatches} for {@code subject}, if any.
   *
   * @throws AssertionError if {@code mismatches} is not empty
   */
  public void failOn(List<Mismatch> mismatches, String subject) {
    if (!mismatches.isEmpty()) {
      StringBuilder message = new StringBuilder("Gradient check failed for ").append(subject)
          .append(" (eps ").append(eps).append(", atol ").append(atol).append(", rtol ").append(rtol)
          .append("):");
      for (Mismatch mismatch : mismatches) {
        message.append("\n  ").append(mismatch);
      }
      throw new AssertionError(message.toString());
    }
  }

  /** Returns f at {@code point}, with no graph: the numeric side needs only the value. */
  private static double evaluate(Expression f, double[] point) {
    try (NoGrad scope = Value.noGrad()) {
      return f.apply(leaves(point)).data();
    }
  }

  private static Value[] leaves(double[] point) {
    Value[] inputs = new Value[point.length];
    for (int i = 0; i < point.length; i++) {
      inputs[i] = Value.of(point[i]);
    }
    return inputs;
  }

  private static double[] with(double[] point, int index, double x) {
    double[] moved = point.clone();
    moved[index] = x;
    return moved;
  }
}
