package dev.retrograd.demo.expression;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Plugin;
import dev.retrograd.autograd.Value;
import dev.retrograd.registry.Plugins;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The functions an expression may call: the engine's own ops ({@code exp}, {@code log},
 * {@code sqrt}, {@code tanh}, {@code sigmoid}, {@code relu}, {@code abs}), each one primitive node,
 * and every activation plugin by name with its default hyperparameters ({@code gelu(x)}), one
 * {@code apply} node. An engine op wins over a plugin of the same name.
 */
public final class Functions {

  private static final Map<String, UnaryOperator<Value>> ENGINE = new TreeMap<>(Map.of(
      "exp", Value::exp, "log", Value::log, "sqrt", Value::sqrt, "tanh", Value::tanh,
      "sigmoid", Value::sigmoid, "relu", Value::relu, "abs", Value::abs));

  private final List<String> activationNames;
  private final Function<String, Activation> activations;

  private Functions(List<String> activationNames, Function<String, Activation> activations) {
    this.activationNames = activationNames.stream().filter(name -> !ENGINE.containsKey(name)).sorted().toList();
    this.activations = activations;
  }

  /** Returns the engine's functions and the activation plugins of {@code plugins}. */
  public static Functions of(Plugins plugins) {
    return new Functions(plugins.activations().stream().map(Plugin::name).toList(),
        name -> plugins.activation(name, Hyperparameters.empty()));
  }

  /** Returns the engine's functions and the given activations, by name. */
  public static Functions of(Map<String, Activation> activations) {
    return new Functions(List.copyOf(activations.keySet()), activations::get);
  }

  /** Returns how {@code name} turns a value into a new node, if it is a function. */
  Optional<Applied> find(String name) {
    UnaryOperator<Value> engine = ENGINE.get(name);
    if (engine != null) {
      return Optional.of(new Applied(engine, false));
    }
    if (activationNames.contains(name)) {
      Activation activation = activations.apply(name);
      return Optional.of(new Applied(x -> x.apply(activation), true));
    }
    return Optional.empty();
  }

  /** Returns the one line listing what exists, for an unknown function. */
  String available() {
    return "the engine's are " + ENGINE.keySet() + " and the activation plugins " + activationNames;
  }

  /**
   * A function as the graph gets it.
   *
   * @param apply makes the node
   * @param plugin whether it is an activation plugin, whose node's op is {@code apply} and is labeled by name
   */
  record Applied(UnaryOperator<Value> apply, boolean plugin) {}
}
