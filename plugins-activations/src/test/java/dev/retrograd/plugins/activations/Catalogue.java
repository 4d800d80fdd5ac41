package dev.retrograd.plugins.activations;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameters;
import java.util.List;
import java.util.ServiceLoader;

/** The activation plugins as the registry finds them: through the services file. */
final class Catalogue {

  static final List<String> EXPECTED_NAMES = List.of("elu", "gelu", "gelu_tanh", "hardtanh",
      "identity", "leaky_relu", "mish", "relu", "relu6", "selu", "sigmoid", "silu", "softplus",
      "softsign", "tanh");

  private Catalogue() {}

  static List<ActivationPlugin> plugins() {
    return ServiceLoader.load(ActivationPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  static ActivationPlugin plugin(String name) {
    return plugins().stream().filter(plugin -> plugin.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no activation plugin named " + name));
  }

  /** Returns the activation {@code name} configured from {@code text}, such as "beta=2". */
  static Activation activation(String name, String text) {
    ActivationPlugin plugin = plugin(name);
    return plugin.create(Hyperparameters.parse(text).resolve(plugin));
  }

  static Activation activation(String name) {
    return activation(name, "");
  }
}
