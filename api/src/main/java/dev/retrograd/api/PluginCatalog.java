package dev.retrograd.api;

/**
 * Makes plugins by name: what a model builder and a trainer take to turn the names in a spec or a
 * configuration into working plugins.
 *
 * <pre>{@code
 * PluginCatalog catalog = Plugins.load();             // the registry implements it
 * Activation relu = catalog.activation("relu", Hyperparameters.empty());
 * }</pre>
 *
 * <p><b>An unknown name or a wrong hyperparameter is a {@link PluginException}</b> whose message
 * lists what exists or what the plugin accepts.
 */
public interface PluginCatalog {

  /** Returns the optimizer {@code name} configured by {@code hyperparameters}. */
  Optimizer optimizer(String name, Hyperparameters hyperparameters);

  /** Returns the activation {@code name} configured by {@code hyperparameters}. */
  Activation activation(String name, Hyperparameters hyperparameters);

  /** Returns the loss {@code name} configured by {@code hyperparameters}. */
  Loss loss(String name, Hyperparameters hyperparameters);

  /** Returns the initializer {@code name} configured by {@code hyperparameters}. */
  Initializer initializer(String name, Hyperparameters hyperparameters);

  /**
   * Returns the plugin of {@code kind} ("optimizer", "activation", "loss" or "initializer") called
   * {@code name}, for its description and hyperparameters.
   *
   * @throws PluginException for an unknown kind or name, listing what exists
   */
  Plugin<?> plugin(String kind, String name);
}
