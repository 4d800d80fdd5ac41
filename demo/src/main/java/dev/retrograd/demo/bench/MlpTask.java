package dev.retrograd.demo.bench;

import dev.retrograd.api.Loss;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.autograd.Value;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import java.util.SplittableRandom;

/**
 * A classifier's training step: an MLP inputs-hidden-classes with ReLU, He-normal weights,
 * cross-entropy over one-hot targets, mean over a mini-batch, plain SGD, on synthetic Gaussian rows
 * with random labels. Step k trains on batch k mod {@link #BATCHES}.
 */
final class MlpTask {

  /** The number of distinct mini-batches the steps cycle through. */
  static final int BATCHES = 4;

  /** The learning rate of every step. */
  static final double LEARNING_RATE = 0.01;

  final String name;
  final int inputs;
  final int hidden;
  final int classes;
  final int batchSize;
  final Loss loss;
  private final MlpSpec spec;
  private final PluginCatalog plugins;
  private final long seed;
  /** rows[b][r]: row r of batch b. */
  final double[][][] rows;
  final int[][] labels;
  final double[][][] targets;

  MlpTask(String name, int inputs, int hidden, int classes, int batchSize, PluginCatalog plugins, long seed) {
    this.name = name;
    this.inputs = inputs;
    this.hidden = hidden;
    this.classes = classes;
    this.batchSize = batchSize;
    this.plugins = plugins;
    this.seed = seed;
    this.loss = plugins.loss("cross_entropy", dev.retrograd.api.Hyperparameters.empty());
    this.spec = MlpSpec.of(inputs, new int[] {hidden}, classes, "relu", "he_normal");
    SplittableRandom random = new SplittableRandom(seed);
    rows = new double[BATCHES][batchSize][inputs];
    labels = new int[BATCHES][batchSize];
    targets = new double[BATCHES][batchSize][classes];
    for (int b = 0; b < BATCHES; b++) {
      for (int r = 0; r < batchSize; r++) {
        for (int c = 0; c < inputs; c++) {
          rows[b][r][c] = random.nextDouble(-1, 1);
        }
        labels[b][r] = random.nextInt(classes);
        targets[b][r][labels[b][r]] = 1;
      }
    }
  }

  /** Returns a new network with the task's initial weights (the same for every call). */
  Mlp newModel() {
    return Mlp.of(spec, plugins, new SplittableRandom(seed));
  }

  /** Returns the initial parameters in the Mlp's order: per neuron its weights then its bias, layer by layer. */
  double[] initialParameters() {
    return newModel().parameters().stream().mapToDouble(Value::data).toArray();
  }

  /** Returns a description such as {@code 784-128-10, batch 64}. */
  String shape() {
    return inputs + "-" + hidden + "-" + classes + ", batch " + batchSize;
  }
}
