package dev.retrograd.demo.experiment;

import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;

/**
 * {@code residual}: the stalled deep sigmoid network of {@link RemedyExperiment}, with and without
 * residual connections: every hidden layer after the first (all 16 wide) computes x + σ(Wx + b)
 * ({@link MlpSpec#withResidual()}).
 *
 * <p><b>Claim</b> (residual connections, He et al. 2016): the derivative of x + f(x) is 1 + f'(x), so
 * the gradient reaches the early layers along the identity path undiminished, however small the
 * sigmoid's derivatives make f'; so the first layer gets gradients orders of magnitude larger and
 * the network trains where the plain one stalls (a lower final loss). The figures are in
 * residual.png and the table.
 */
final class ResidualExperiment extends RemedyExperiment {

  ResidualExperiment(Budget budget, Plugins plugins) {
    super(budget, plugins);
  }

  @Override
  public String name() {
    return "residual";
  }

  @Override
  public String description() {
    return "A deep sigmoid network that stalls, with and without residual connections";
  }

  @Override
  String claim() {
    return "Residual connections let a deep sigmoid network that stalls train: larger first-layer gradients "
        + "and a lower final loss.";
  }

  @Override
  String remedy() {
    return "residual";
  }

  @Override
  String title() {
    return "Residual connections";
  }

  @Override
  MlpSpec withRemedy(MlpSpec plain) {
    return plain.withResidual();
  }
}
