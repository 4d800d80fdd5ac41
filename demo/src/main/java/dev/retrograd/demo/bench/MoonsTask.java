package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Moons;
import dev.retrograd.nn.Mlp;
import java.util.SplittableRandom;

/**
 * micrograd's demo task: an MLP 2-16-16-1 trained by full-batch SGD on 100 two-moons points.
 *
 * <p>With targets y<sub>i</sub> = ±1 and scores s<sub>i</sub> the loss is
 *
 * <pre>
 *   L = (1/n)·Σ_i max(0, 1 − y_i·s_i)  +  α·Σ_p p²,   α = 1e-4
 * </pre>
 *
 * <p>and step k (k = 0 … 99) sets p ← p − lr<sub>k</sub>·∂L/∂p with lr<sub>k</sub> = 1 − 0.9·k/100.
 *
 * <p><b>Parameters are in one canonical order:</b> layer by layer, neuron by neuron, the weights and
 * then the bias, the order of {@link Mlp#parameters()}. Layer l's neuron j owns the slice starting
 * at {@code offset(l) + j·(widths[l] + 1)}.
 */
final class MoonsTask {

  /** The number of SGD steps of one training run. */
  static final int STEPS = 100;

  /** The weight α of the L2 penalty. */
  static final double ALPHA = 1e-4;

  private static final int POINTS = 100;
  private static final double NOISE = 0.1;
  private static final int[] WIDTHS = {2, 16, 16, 1};

  private final long seed;
  private final double[][] features;
  private final double[] targets;
  private final double[] initialParameters;

  /** Creates the task: data and initial weights both come from {@code seed}. */
  MoonsTask(long seed) {
    this.seed = seed;
    Dataset data = Moons.generate(POINTS, NOISE, seed);
    this.features = data.features();
    this.targets = new double[data.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = data.labels()[i] * 2 - 1;
    }
    this.initialParameters = values(newModel());
  }

  /**
   * Returns a fresh {@link Mlp} 2-16-16-1 with ReLU hidden layers: weights uniform in [-1, 1) from
   * {@code new SplittableRandom(seed)}, biases 0. Its parameters equal {@link #initialParameters()}.
   */
  Mlp newModel() {
    return new Mlp(WIDTHS[0], new int[] {WIDTHS[1], WIDTHS[2], WIDTHS[3]}, new Relu(),
        new SplittableRandom(seed));
  }

  private static double[] values(Mlp model) {
    return model.parameters().stream().mapToDouble(Value::data).toArray();
  }

  /** Returns the learning rate of step k: 1 − 0.9·k/100, as micrograd's demo. */
  static double learningRate(int k) {
    return 1.0 - 0.9 * k / 100;
  }

  /** Returns the layer widths, input first: {2, 16, 16, 1}. */
  int[] widths() {
    return WIDTHS.clone();
  }

  /** Returns the number of layers of neurons (3). */
  int layers() {
    return WIDTHS.length - 1;
  }

  /** Returns the index of the first parameter of layer {@code layer} (0-based, 0 = first hidden layer). */
  int offset(int layer) {
    int offset = 0;
    for (int l = 0; l < layer; l++) {
      offset += WIDTHS[l + 1] * (WIDTHS[l] + 1);
    }
    return offset;
  }

  /** Returns the number of points n. */
  int size() {
    return targets.length;
  }

  /** Returns point i's two coordinates; the caller must not modify them. */
  double[] features(int i) {
    return features[i];
  }

  /** Returns point i's target, −1 or +1. */
  double target(int i) {
    return targets[i];
  }

  /** Returns a copy of the 337 initial parameters, in the canonical order. */
  double[] initialParameters() {
    return initialParameters.clone();
  }
}
