package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;

/**
 * {@code batchnorm}: the stalled deep sigmoid network of {@link RemedyExperiment}, with and without
 * batch normalization between each hidden layer's linear part and its sigmoid
 * ({@link MlpSpec#withBatchNorm()}, as {@code torch.nn.BatchNorm1d}).
 *
 * <p><b>Claim</b> (batch normalization, Ioffe and Szegedy 2015): normalizing each pre-activation
 * over the batch keeps the sigmoids out of saturation, and its backward pass divides the gradient by
 * the batch's standard deviation, which undoes the shrinking of the signal from layer to layer; so
 * the first layer gets gradients orders of magnitude larger and the network trains where the plain
 * one stalls (a lower final loss). The figures are in batchnorm.png and the table.
 */
final class BatchNormExperiment extends RemedyExperiment {

  BatchNormExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "batchnorm";
  }

  @Override
  public String description() {
    return "A deep sigmoid network that stalls, with and without batch normalization";
  }

  @Override
  String claim() {
    return "Batch normalization lets a deep sigmoid network that stalls train: larger first-layer gradients "
        + "and a lower final loss.";
  }

  @Override
  String remedy() {
    return "batch norm";
  }

  @Override
  String title() {
    return "Batch normalization";
  }

  @Override
  MlpSpec withRemedy(MlpSpec plain) {
    return plain.withBatchNorm();
  }
}
