package dev.retrograd.api;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A plugin as a configuration names it: a registered plugin by name and hyperparameters, made by a
 * {@link PluginCatalog} when it is needed, or an instance given in code, registered nowhere, under a
 * name of the caller's choosing.
 *
 * <pre>{@code
 * PluginChoice<Loss> huber = PluginChoice.named("huber", Hyperparameters.parse("delta=0.5"));
 * PluginChoice<Loss> mine = PluginChoice.given("half_squared_error", new HalfSquaredError());
 * Loss loss = mine.resolve(catalog::loss);    // the instance itself; huber would ask the catalog
 * }</pre>
 *
 * <p>The name stands for the plugin wherever a person reads about it: in messages, in a model's
 * architecture line and in a checkpoint. <b>A given instance is used as it is, by every user of the
 * choice</b>, so share only stateless ones (activations, losses, initializers); the optimizer's
 * owner says how it treats a stateful one. Instances are immutable values.
 *
 * @param <T> the kind of plugin: {@link Optimizer}, {@link Activation}, {@link Loss} or
 *     {@link Initializer}
 */
public sealed interface PluginChoice<T> permits PluginChoice.Named, PluginChoice.Given {

  /** Returns the registered plugin {@code name} with its default hyperparameters. */
  static <T> PluginChoice<T> named(String name) {
    return new Named<>(name, Hyperparameters.empty());
  }

  /** Returns the registered plugin {@code name} configured by {@code hyperparameters}. */
  static <T> PluginChoice<T> named(String name, Hyperparameters hyperparameters) {
    return new Named<>(name, hyperparameters);
  }

  /** Returns {@code instance}, configured already, under the lower_snake_case {@code name}. */
  static <T> PluginChoice<T> given(String name, T instance) {
    return new Given<>(name, instance);
  }

  /** Returns the name that stands for the plugin in messages, architectures and checkpoints. */
  String name();

  /** Returns the hyperparameters given with the name; none for an instance, configured already. */
  Hyperparameters hyperparameters();

  /**
   * Returns the plugin: the instance, if one was given, or else what {@code catalog} makes of the
   * name and hyperparameters, such as {@code choice.resolve(plugins::optimizer)}.
   *
   * @throws PluginException from {@code catalog}, for an unknown name or a wrong hyperparameter
   */
  T resolve(BiFunction<? super String, ? super Hyperparameters, ? extends T> catalog);

  /**
   * A registered plugin by name, with hyperparameters kept in their text form so that two choices
   * of the same text are equal.
   *
   * @param name the plugin's name, not blank; the catalog says whether it exists
   * @param hyperparameters its hyperparameters; null or empty for its defaults
   */
  record Named<T>(String name, Hyperparameters hyperparameters) implements PluginChoice<T> {

    /** Checks the name and normalizes the hyperparameters to their text form. */
    public Named {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A plugin choice needs the name of a registered plugin, such as relu,"
            + " was " + (name == null ? "null" : "'" + name + "'"));
      }
      hyperparameters = hyperparameters == null
          ? Hyperparameters.empty() : Hyperparameters.parse(hyperparameters.toString());
    }

    @Override
    public T resolve(BiFunction<? super String, ? super Hyperparameters, ? extends T> catalog) {
      return catalog.apply(name, hyperparameters);
    }

    /** Returns {@code name}, or with hyperparameters {@code name(…)}: {@code leaky_relu(negative_slope=0.1)}. */
    @Override
    public String toString() {
      return hyperparameters.names().isEmpty() ? name : name + "(" + hyperparameters + ")";
    }
  }

  /**
   * An instance given in code, used as it is.
   *
   * @param name the lower_snake_case name that stands for it
   * @param instance the plugin, configured already
   */
  record Given<T>(String name, T instance) implements PluginChoice<T> {

    /** Checks that there is an instance and that its name is lower_snake_case. */
    public Given {
      Objects.requireNonNull(instance, "instance");
      if (!Plugin.isValidName(name)) {
        throw new IllegalArgumentException("A plugin instance (" + instance.getClass().getName() + ") needs a"
            + " lower_snake_case name for messages and checkpoints, such as " + suggestedName(instance) + ", was "
            + (name == null ? "null" : "'" + name + "'"));
      }
    }

    private static String suggestedName(Object instance) {
      String suggestion = instance.getClass().getSimpleName()
          .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
      return Plugin.isValidName(suggestion) ? suggestion : "my_plugin";
    }

    /** Returns no hyperparameters: the instance is configured already. */
    @Override
    public Hyperparameters hyperparameters() {
      return Hyperparameters.empty();
    }

    @Override
    public T resolve(BiFunction<? super String, ? super Hyperparameters, ? extends T> catalog) {
      return instance;
    }

    /** Returns the name. */
    @Override
    public String toString() {
      return name;
    }
  }
}
