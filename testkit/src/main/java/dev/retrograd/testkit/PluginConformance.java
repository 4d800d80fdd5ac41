package dev.retrograd.testkit;

import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;

/**
 * One call checks a plugin of any kind against its contract:
 *
 * <pre>{@code
 * @Test
 * void my_optimizer_conforms() {
 *   PluginConformance.check(new MyOptimizerPlugin());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>an activation: its derivative against central differences over points from −1000 to 1000;
 *   <li>a loss: its gradient against central differences on every family of inputs it accepts
 *       (regression, probabilities, logits with one-hot or soft targets, ±1 labels), at large
 *       magnitudes too;
 *   <li>an initializer: finite weights on a 300 × 300 fill and the same weights for the same seed;
 *       with {@link #checkInitializer}, also the mean, variance and bounds of its formula;
 *   <li>an optimizer: it decreases a convex quadratic, makes progress on Rosenbrock, leaves a
 *       parameter whose gradient is always zero alone (with weight decay off), and continues
 *       bit-for-bit after its state is saved and restored into a fresh instance.
 * </ul>
 *
 * <p>A failure is a {@link ConformanceFailure} (an {@link AssertionError}) naming the plugin, the
 * check and the numbers.
 */
public final class PluginConformance {

  private PluginConformance() {}

  /** Checks {@code plugin} with its default hyperparameters. */
  public static void check(Plugin<?> plugin) {
    check(plugin, Hyperparameters.empty());
  }

  /** Checks {@code plugin} configured by {@code hyperparameters}. */
  public static void check(Plugin<?> plugin, Hyperparameters hyperparameters) {
    Hyperparameters resolved = hyperparameters.resolve(plugin);
    if (plugin instanceof ActivationPlugin activation) {
      ActivationChecks.check(plugin.name(), activation.create(resolved));
    } else if (plugin instanceof LossPlugin loss) {
      LossChecks.check(plugin.name(), loss.create(resolved));
    } else if (plugin instanceof InitializerPlugin initializer) {
      InitializerChecks.check(plugin.name(), initializer.create(resolved), null);
    } else if (plugin instanceof OptimizerPlugin optimizer) {
      Hyperparameters withoutDecay = plugin.hyperparameters().stream()
          .anyMatch(h -> h.name().equals("weight_decay")) ? resolved.with("weight_decay", 0.0) : resolved;
      OptimizerChecks.check(plugin.name(), () -> optimizer.create(resolved), () -> optimizer.create(withoutDecay));
    } else {
      throw new IllegalArgumentException(plugin.getClass().getName() + " is not an optimizer, activation,"
          + " loss or initializer plugin");
    }
  }

  /**
   * Checks an initializer as {@link #check(Plugin)} does, and that the weights of a 300 × 300 fill
   * have the mean, variance (within six standard errors) and bounds that {@code formula} gives.
   */
  public static void checkInitializer(InitializerPlugin plugin, Hyperparameters hyperparameters, Moments.Formula formula) {
    InitializerChecks.check(plugin.name(), plugin.create(hyperparameters.resolve(plugin)), formula);
  }
}
