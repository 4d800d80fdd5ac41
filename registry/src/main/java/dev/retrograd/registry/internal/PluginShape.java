package dev.retrograd.registry.internal;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a plugin has a possible shape: a lower_snake_case name, a description, sound hyperparameters.
 * A default of the wrong type cannot reach it: {@link Hyperparameter}'s constructor refuses one.
 */
final class PluginShape {

  private PluginShape() {}

  /**
   * Returns normally if {@code plugin} can be registered.
   *
   * @throws PluginException naming the class, its jar and what is wrong
   */
  static void check(Plugin<?> plugin) {
    String problem = problem(plugin);
    if (problem != null) {
      throw new PluginException("Plugin " + Origin.of(plugin.getClass()) + " cannot be registered: "
          + problem + ". Fix the plugin or remove its jar.");
    }
  }

  private static String problem(Plugin<?> plugin) {
    String name = plugin.name();
    if (name == null || name.isEmpty()) {
      return "its name is empty";
    }
    if (!Plugin.isValidName(name)) {
      return "its name '" + name + "' is not lower_snake_case";
    }
    String description = plugin.description();
    if (description == null || description.isBlank() || description.contains("\n")) {
      return "'" + name + "' needs a one-line description";
    }
    List<Hyperparameter> declared;
    try {
      declared = plugin.hyperparameters();
    } catch (RuntimeException e) {
      String reason = String.valueOf(e.getMessage());
      return "'" + name + "' cannot list its hyperparameters: "
          + (reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
    }
    Set<String> seen = new HashSet<>();
    for (Hyperparameter hyperparameter : declared) {
      String problem = problem(name, hyperparameter, seen);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String problem(String plugin, Hyperparameter hyperparameter, Set<String> seen) {
    String name = hyperparameter.name();
    if (!Plugin.isValidName(name)) {
      return "'" + plugin + "' has a hyperparameter named '" + name + "', which is not lower_snake_case";
    }
    if (!seen.add(name)) {
      return "'" + plugin + "' declares hyperparameter '" + name + "' twice";
    }
    // Hyperparameter's constructor has already checked the default's type.
    Object value = hyperparameter.defaultValue();
    if (value instanceof Number number && !hyperparameter.allows(number.doubleValue())) {
      return "'" + plugin + "' gives " + name + " the default " + value + ", outside its range "
          + hyperparameter.range();
    }
    return null;
  }
}
