package dev.retrograd.demo.experiment;

import dev.retrograd.registry.Plugins;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The experiments by name: {@code batchnorm}, {@code exploding}, {@code init}, {@code optimizers},
 * {@code residual}, {@code vanishing}.
 *
 * <pre>{@code
 * for (String name : Experiments.names()) {
 *   Experiment experiment = Experiments.named(name);
 *   System.out.println(name + ": " + experiment.description());
 * }
 * ExperimentResult result = Experiments.named("init").run(Path.of("out"), System.out);
 * }</pre>
 */
public final class Experiments {

  private static final Map<String, BiFunction<Budget, Plugins, Experiment>> FACTORIES = new TreeMap<>(Map.of(
      "batchnorm", BatchNormExperiment::new,
      "exploding", ExplodingGradientsExperiment::new,
      "init", InitializationExperiment::new,
      "optimizers", OptimizersExperiment::new,
      "residual", ResidualExperiment::new,
      "vanishing", VanishingGradientsExperiment::new));

  private Experiments() {}

  /** Returns the names of the experiments, sorted. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * Returns the experiment {@code name} at its full size, with the plugins on the classpath.
   *
   * @throws IllegalArgumentException for an unknown name, listing the names
   */
  public static Experiment named(String name) {
    return named(name, Budget.FULL);
  }

  /**
   * Returns the experiment {@code name} at {@code budget}, with the plugins on the classpath.
   *
   * @throws IllegalArgumentException for an unknown name, listing the names
   */
  public static Experiment named(String name, Budget budget) {
    requireKnown(name);
    return named(name, budget, Plugins.load());
  }

  /**
   * Returns the experiment {@code name} at {@code budget}, making its plugins from {@code plugins}
   * (which must hold the built-in ones it names).
   *
   * @throws IllegalArgumentException for an unknown name, listing the names
   */
  public static Experiment named(String name, Budget budget, Plugins plugins) {
    requireKnown(name);
    return FACTORIES.get(name).apply(budget, plugins);
  }

  private static void requireKnown(String name) {
    if (name == null || !FACTORIES.containsKey(name)) {
      throw new IllegalArgumentException("Unknown experiment '" + name + "'; available: " + names() + ".");
    }
  }
}
