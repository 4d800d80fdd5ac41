package dev.retrograd.registry.internal;

import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import java.util.List;

/** The four kinds of plugin, each with its service interface and its word in messages. */
public enum PluginKind {
  OPTIMIZER(OptimizerPlugin.class, "optimizer"),
  ACTIVATION(ActivationPlugin.class, "activation"),
  LOSS(LossPlugin.class, "loss"),
  INITIALIZER(InitializerPlugin.class, "initializer");

  private final Class<? extends Plugin<?>> service;
  private final String word;

  PluginKind(Class<? extends Plugin<?>> service, String word) {
    this.service = service;
    this.word = word;
  }

  /** Returns the interface named by the kind's {@code META-INF/services} file. */
  public Class<? extends Plugin<?>> service() {
    return service;
  }

  /** Returns the lower-case word for the kind, as in "Unknown optimizer 'x'". */
  public String word() {
    return word;
  }

  /** Returns the word with a capital letter, to start a sentence. */
  public String capitalized() {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Returns the kind {@code plugin} belongs to. */
  public static PluginKind of(Plugin<?> plugin) {
    for (PluginKind kind : values()) {
      if (kind.service.isInstance(plugin)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(plugin.getClass().getName()
        + " implements none of " + List.of(OptimizerPlugin.class.getSimpleName(),
        ActivationPlugin.class.getSimpleName(), LossPlugin.class.getSimpleName(),
        InitializerPlugin.class.getSimpleName()));
  }
}
