package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.List;

/**
 * A (semi-)orthogonal matrix times gain (default 1), as {@code torch.nn.init.orthogonal_(w, gain=1)}
 * (Saxe et al., 2013).
 *
 * <p>The steps are PyTorch's: fill the fanOut × fanIn matrix row by row with N(0, 1) draws
 * ({@code random.nextGaussian()}); if it is wide (fanOut &lt; fanIn) transpose it; factor A = QR;
 * multiply Q's columns by sign(diag R); transpose back if needed; multiply by gain. The rows are then
 * orthonormal·gain if fanOut ≤ fanIn (W·Wᵀ = gain²·I), else the columns are (Wᵀ·W = gain²·I).
 * Any finite gain is accepted, as in PyTorch.
 */
public final class Orthogonal implements InitializerPlugin {

  /** Creates the plugin. */
  public Orthogonal() {}

  @Override
  public String name() {
    return "orthogonal";
  }

  @Override
  public String description() {
    return "w = gain*Q from the QR of a N(0,1) matrix, sign-corrected (torch.nn.init.orthogonal_)";
  }

  @Override
  public List<Hyperparameter> hyperparameters() {
    return List.of(Hyperparameter.real("gain", 1.0, "the scaling factor"));
  }

  @Override
  public Initializer create(Hyperparameters hyperparameters) {
    double gain = hyperparameters.real("gain");
    return Checked.of(name(), hyperparameters, (weights, fanIn, fanOut, random) -> {
      Draw.normal(weights, 0.0, 1.0, random);
      boolean wide = fanOut < fanIn;
      int rows = Math.max(fanOut, fanIn);
      int columns = Math.min(fanOut, fanIn);
      double[] tall = wide ? transpose(weights, fanOut, fanIn) : weights;
      double[] q = HouseholderQr.signCorrectedQ(tall, rows, columns);
      double[] result = wide ? transpose(q, rows, columns) : q;
      for (int i = 0; i < weights.length; i++) {
        weights[i] = gain * result[i];
      }
    });
  }

  /** Returns the transpose of the row-major {@code rows × columns} matrix x. */
  private static double[] transpose(double[] x, int rows, int columns) {
    double[] t = new double[x.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        t[c * rows + r] = x[r * columns + c];
      }
    }
    return t;
  }
}
