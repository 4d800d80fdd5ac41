package dev.retrograd.autograd;

import java.util.List;
import java.util.StringJoiner;

/** The checks of anomaly mode (see {@link Value#setAnomalyDetection}), kept apart from the ops. */
final class Anomalies {

  private Anomalies() {}

  /** Throws if {@code out} is not finite although all its inputs are. */
  static void checkForward(Value out) {
    List<Value> inputs = out.inputs();
    if (!Double.isFinite(out.data()) && inputs.stream().allMatch(v -> Double.isFinite(v.data()))) {
      throw new ArithmeticException("Anomaly: op '" + out.op() + "' produced " + out.data()
          + " from finite inputs " + describe(inputs)
          + ". Check the range of its inputs (a log or division near 0, an exp of a large number).");
    }
  }

  /** Throws if {@code node}'s backward made an input's gradient non-finite from a finite one of its own. */
  static void checkBackward(Value node) {
    if (!Double.isFinite(node.grad())) {
      return;
    }
    List<Value> inputs = node.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (!Double.isFinite(inputs.get(i).grad())) {
        throw new ArithmeticException("Anomaly: the backward of op '" + node.op() + "' with inputs "
            + describe(inputs) + " made the gradient of input " + i + " "
            + inputs.get(i).grad() + " from a finite output gradient " + node.grad() + ".");
      }
    }
  }

  private static String describe(List<Value> values) {
    StringJoiner joined = new StringJoiner(", ", "[", "]");
    for (Value v : values) {
      joined.add(Double.toString(v.data()));
    }
    return joined.toString();
  }
}
