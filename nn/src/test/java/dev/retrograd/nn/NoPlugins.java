package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginCatalog;

/** A catalog that fails whenever it is asked for a plugin: proof that a model was built from instances alone. */
final class NoPlugins implements PluginCatalog {

  private static AssertionError asked(String kind, String name) {
    return new AssertionError("the catalog was asked for " + kind + " '" + name + "'");
  }

  @Override
  public Optimizer optimizer(String name, Hyperparameters hyperparameters) {
    throw asked("optimizer", name);
  }

  @Override
  public Activation activation(String name, Hyperparameters hyperparameters) {
    throw asked("activation", name);
  }

  @Override
  public Loss loss(String name, Hyperparameters hyperparameters) {
    throw asked("loss", name);
  }

  @Override
  public Initializer initializer(String name, Hyperparameters hyperparameters) {
    throw asked("initializer", name);
  }

  @Override
  public Plugin<?> plugin(String kind, String name) {
    throw asked(kind, name);
  }
}
