package dev.retrograd.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Values for a plugin's hyperparameters, by name.
 *
 * <p>Given values come from text, {@code parse("lr=0.01,momentum=0.9,nesterov=true")}, or from
 * code, {@code Hyperparameters.of(Map.of("lr", 0.01))}. Before a plugin sees them they are
 * {@linkplain #resolve resolved} against what it declares: defaults fill what is not given, and an
 * unknown name, a value of the wrong type or one out of range is a {@link PluginException} naming
 * the plugin and listing what it accepts.
 *
 * <p>Instances are immutable.
 */
public final class Hyperparameters {

  private static final Hyperparameters EMPTY = new Hyperparameters(Map.of());

  private final Map<String, Object> values;

  private Hyperparameters(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Returns no values: every hyperparameter takes its default. */
  public static Hyperparameters empty() {
    return EMPTY;
  }

  /** Returns the given values: numbers, booleans or their text forms. */
  public static Hyperparameters of(Map<String, ?> values) {
    return new Hyperparameters(new LinkedHashMap<>(values));
  }

  /**
   * Parses {@code name=value} pairs separated by commas; blank text gives no values.
   *
   * @throws PluginException if a pair has no {@code =}, an empty name, or a name given twice
   */
  public static Hyperparameters parse(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    for (String pair : text.split(",", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? "" : pair.substring(0, equals).trim();
      if (name.isEmpty()) {
        throw new PluginException("Malformed hyperparameter '" + pair.trim() + "' in '" + text
            + "'; expected name=value pairs separated by commas, such as lr=0.01,momentum=0.9.");
      }
      if (values.put(name, pair.substring(equals + 1).trim()) != null) {
        throw new PluginException("Hyperparameter '" + name + "' is given twice in '" + text + "'.");
      }
    }
    return new Hyperparameters(values);
  }

  /** Returns a copy with {@code name} set to {@code value}. */
  public Hyperparameters with(String name, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(values);
    changed.put(name, value);
    return new Hyperparameters(changed);
  }

  /** Returns the given names, in the order given. */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  /**
   * Returns every hyperparameter {@code plugin} declares, with the given value converted to its
   * type or else its default.
   *
   * @throws PluginException naming the plugin and listing what it accepts, for an unknown name, a
   *     value of the wrong type or a value out of range
   */
  public Hyperparameters resolve(Plugin<?> plugin) {
    Map<String, Hyperparameter> declared = new LinkedHashMap<>();
    for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
      declared.put(hyperparameter.name(), hyperparameter);
    }
    for (String name : values.keySet()) {
      if (!declared.containsKey(name)) {
        throw problem(plugin, "has no hyperparameter '" + name + "'");
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Hyperparameter hyperparameter : declared.values()) {
      Object given = values.get(hyperparameter.name());
      Object value = given == null ? hyperparameter.defaultValue() : convert(plugin, hyperparameter, given);
      resolved.put(hyperparameter.name(), value);
    }
    return new Hyperparameters(resolved);
  }

  private static Object convert(Plugin<?> plugin, Hyperparameter hyperparameter, Object given) {
    String name = hyperparameter.name();
    String text = given.toString().trim();
    Object value;
    switch (hyperparameter.type()) {
      case FLAG -> {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw problem(plugin, "needs " + name + " to be true or false, was '" + text + "'");
        }
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
      }
      case INTEGER -> {
        try {
          value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw problem(plugin, "needs " + name + " to be an integer, was '" + text + "'");
        }
      }
      default -> {
        double number;
        try {
          number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw problem(plugin, "needs " + name + " to be a number, was '" + text + "'");
        }
        if (!Double.isFinite(number)) {
          throw problem(plugin, "needs " + name + " to be a finite number, was '" + text + "'");
        }
        value = number;
      }
    }
    double number = ((Number) value).doubleValue();
    if (!hyperparameter.allows(number)) {
      throw problem(plugin, "needs " + name + " " + hyperparameter.range() + ", was " + text);
    }
    return value;
  }

  private static PluginException problem(Plugin<?> plugin, String what) {
    return new PluginException(kindOf(plugin) + " '" + plugin.name() + "' " + what + "; it accepts "
        + accepted(plugin) + ".");
  }

  private static String kindOf(Plugin<?> plugin) {
    if (plugin instanceof OptimizerPlugin) {
      return "Optimizer";
    }
    if (plugin instanceof ActivationPlugin) {
      return "Activation";
    }
    if (plugin instanceof LossPlugin) {
      return "Loss";
    }
    return plugin instanceof InitializerPlugin ? "Initializer" : "Plugin";
  }

  private static String accepted(Plugin<?> plugin) {
    List<Hyperparameter> declared = plugin.hyperparameters();
    if (declared.isEmpty()) {
      return "no hyperparameters";
    }
    StringJoiner list = new StringJoiner(", ", "[", "]");
    for (Hyperparameter hyperparameter : declared) {
      list.add(hyperparameter.name() + "=" + hyperparameter.defaultValue()
          + (hyperparameter.range().isEmpty() ? "" : " (" + hyperparameter.range() + ")"));
    }
    return list.toString();
  }

  /** Returns the real value of {@code name}. */
  public double real(String name) {
    return ((Number) require(name)).doubleValue();
  }

  /** Returns the integer value of {@code name}. */
  public int integer(String name) {
    Object value = require(name);
    if (value instanceof Number number && number.doubleValue() == number.intValue()) {
      return number.intValue();
    }
    return Integer.parseInt(value.toString().trim());
  }

  /** Returns the true/false value of {@code name}. */
  public boolean flag(String name) {
    Object value = require(name);
    return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().trim());
  }

  private Object require(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("No hyperparameter '" + name + "' among " + names()
          + "; a plugin reads only what it declares, after resolve().");
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return value;
  }

  /** Returns the values as {@code name=value} pairs, the form {@link #parse} reads. */
  @Override
  public String toString() {
    List<String> pairs = new ArrayList<>();
    values.forEach((name, value) -> pairs.add(name + "=" + value));
    return String.join(",", pairs);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hyperparameters that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
