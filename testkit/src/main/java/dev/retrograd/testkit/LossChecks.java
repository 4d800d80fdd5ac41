package dev.retrograd.testkit;

import dev.retrograd.api.Loss;
import dev.retrograd.autograd.GradCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A loss's gradient against central differences, on every family of inputs the loss accepts:
 * regression targets, probabilities with 0/1 targets, logits with one-hot or probability targets,
 * and ±1 labels, each at ordinary and large magnitudes.
 */
final class LossChecks {

  private LossChecks() {}

  /** One example: a prediction and its target. */
  private record Example(String family, double[] prediction, double[] target) {}

  static void check(String name, Loss loss) {
    GradCheck gradCheck = GradCheck.defaults();
    int accepted = 0;
    for (Example example : examples()) {
      double value;
      try {
        value = loss.value(example.prediction().clone(), example.target().clone());
      } catch (IllegalArgumentException outsideItsDomain) {
        continue;
      }
      if (!Double.isFinite(value)) {
        continue;
      }
      List<GradCheck.Mismatch> mismatches;
      try {
        mismatches = gradCheck.compare(loss, example.prediction(), example.target());
      } catch (IllegalArgumentException atTheEdgeOfItsDomain) {
        continue;
      }
      accepted++;
      mismatches.removeIf(mismatch -> atKink(loss, example, mismatch, gradCheck));
      if (!mismatches.isEmpty()) {
        throw new ConformanceFailure("Loss", name, "gradient matches central differences",
            "on " + example.family() + " prediction " + java.util.Arrays.toString(example.prediction())
                + " target " + java.util.Arrays.toString(example.target()) + ": " + mismatches.get(0));
      }
    }
    if (accepted == 0) {
      throw new ConformanceFailure("Loss", name, "accepts some inputs",
          "it threw or returned a non-finite value on all " + examples().size() + " examples");
    }
  }

  private static boolean atKink(Loss loss, Example example, GradCheck.Mismatch mismatch, GradCheck gradCheck) {
    return Kinks.isKink(x -> {
      double[] moved = example.prediction().clone();
      moved[mismatch.index()] = x;
      return loss.value(moved, example.target());
    }, mismatch.at(), gradCheck.eps(), mismatch.tolerance());
  }

  private static List<Example> examples() {
    SplittableRandom random = new SplittableRandom(20240607);
    List<Example> examples = new ArrayList<>();
    for (int n : new int[] {1, 3, 5}) {
      for (double scale : new double[] {1, 3, 100}) {
        examples.add(new Example("regression", uniform(random, n, -scale, scale), uniform(random, n, -scale, scale)));
        examples.add(new Example("signs", uniform(random, n, -scale, scale), signs(random, n)));
        double[] logits = uniform(random, n, -scale, scale);
        examples.add(new Example("logits, one-hot", logits, oneHot(random, n)));
        examples.add(new Example("logits, probabilities", logits, probabilities(random, n)));
        examples.add(new Example("log-probabilities", logSoftmax(logits), oneHot(random, n)));
      }
      examples.add(new Example("logits, one-hot", uniform(random, n, -1000, 1000), oneHot(random, n)));
      examples.add(new Example("probabilities, 0/1", uniform(random, n, 0.02, 0.98), bits(random, n)));
      examples.add(new Example("probabilities, soft", uniform(random, n, 0.02, 0.98), uniform(random, n, 0, 1)));
    }
    return examples;
  }

  private static double[] uniform(SplittableRandom random, int n, double low, double high) {
    return random.doubles(n, low, high).toArray();
  }

  private static double[] signs(SplittableRandom random, int n) {
    return random.ints(n, 0, 2).mapToDouble(bit -> bit * 2 - 1).toArray();
  }

  private static double[] bits(SplittableRandom random, int n) {
    return random.ints(n, 0, 2).mapToDouble(bit -> bit).toArray();
  }

  private static double[] oneHot(SplittableRandom random, int n) {
    double[] target = new double[n];
    target[random.nextInt(n)] = 1;
    return target;
  }

  private static double[] probabilities(SplittableRandom random, int n) {
    double[] p = uniform(random, n, 0.1, 1);
    double sum = java.util.Arrays.stream(p).sum();
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  private static double[] logSoftmax(double[] logits) {
    double max = java.util.Arrays.stream(logits).max().orElseThrow();
    double sum = java.util.Arrays.stream(logits).map(x -> Math.exp(x - max)).sum();
    return java.util.Arrays.stream(logits).map(x -> x - max - Math.log(sum)).toArray();
  }
}
