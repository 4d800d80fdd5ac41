package dev.retrograd.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Values for a plugin's hyperparameters, by name.
 *
 * <p>Given values come from text, {@code parse("lr=0.01,momentum=0.9,nesterov=true")}, or from
 * code, {@code Hyperparameters.of(Map.of("lr", 0.01))}. Before a plugin sees them they are
 * {@linkplain #resolve(Plugin) resolved} against what it declares: defaults fill what is not given,
 * and an unknown name, a missing required value, a value of the wrong type or one out of range is a
 * {@link PluginException} naming the plugin and listing what it accepts.
 *
 * <p>The same text form and the same checks serve anything else that takes {@code name=value}
 * parameters, such as the training module's learning-rate schedules and gradient clipping:
 * {@link #read(String, String, List)} parses and resolves against declared
 * {@link Hyperparameter}s in one step, naming the owner in its messages.
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
    return new Hyperparameters(pairs(text,
        pair -> new PluginException("Malformed hyperparameter '" + pair + "' in '" + text
            + "'; expected name=value pairs separated by commas, such as lr=0.01,momentum=0.9."),
        name -> new PluginException("Hyperparameter '" + name + "' is given twice in '" + text + "'.")));
  }

  /**
   * Reads {@code name=value} pairs separated by commas for {@code owner}, such as a learning-rate
   * schedule, and resolves them against what it {@code declared}: {@link #parse} and
   * {@link #resolve(String, List)} in one, every message naming the owner and listing what it
   * accepts.
   *
   * @param owner how messages name what the values are for, such as {@code Schedule 'step'}
   * @throws IllegalArgumentException for malformed text, or as {@link #resolve(String, List)}
   */
  public static Hyperparameters read(String text, String owner, List<Hyperparameter> declared) {
    Function<String, RuntimeException> problem = problems(owner, declared);
    return new Hyperparameters(pairs(text,
        pair -> problem.apply("has a malformed hyperparameter '" + pair + "' in '" + text
            + "', expected name=value pairs separated by commas"),
        name -> problem.apply("is given " + name + " twice in '" + text + "'")))
        .resolve(declared, problem);
  }

  /** Splits {@code text} at commas into names and text values, in order; blank text gives none. */
  private static Map<String, Object> pairs(String text, Function<String, RuntimeException> malformed,
      Function<String, RuntimeException> twice) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return values;
    }
    for (String pair : text.split(",", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? "" : pair.substring(0, equals).trim();
      if (name.isEmpty()) {
        throw malformed.apply(pair.trim());
      }
      if (values.put(name, pair.substring(equals + 1).trim()) != null) {
        throw twice.apply(name);
      }
    }
    return values;
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
   *     missing required value, a value of the wrong type or a value out of range
   */
  public Hyperparameters resolve(Plugin<?> plugin) {
    List<Hyperparameter> declared = plugin.hyperparameters();
    String owner = kindOf(plugin) + " '" + plugin.name() + "'";
    return resolve(declared, what -> new PluginException(owner + " " + what + "; it accepts " + accepted(declared)
        + "."));
  }

  /**
   * Returns every hyperparameter in {@code declared}, with the given value converted to its type
   * or else its default: how something that is not a plugin, such as a learning-rate schedule,
   * checks its parameters the way plugins do.
   *
   * @param owner how messages name what the values are for, such as {@code Schedule 'step'}
   * @throws IllegalArgumentException naming the owner and listing what it accepts, for an unknown
   *     name, a missing required value, a value of the wrong type or a value out of range
   */
  public Hyperparameters resolve(String owner, List<Hyperparameter> declared) {
    return resolve(declared, problems(owner, declared));
  }

  private static Function<String, RuntimeException> problems(String owner, List<Hyperparameter> declared) {
    return what -> new IllegalArgumentException(owner + " " + what + "; it accepts " + accepted(declared) + ".");
  }

  private Hyperparameters resolve(List<Hyperparameter> declared, Function<String, RuntimeException> problem) {
    Map<String, Hyperparameter> byName = new LinkedHashMap<>();
    for (Hyperparameter hyperparameter : declared) {
      byName.put(hyperparameter.name(), hyperparameter);
    }
    for (String name : values.keySet()) {
      if (!byName.containsKey(name)) {
        throw problem.apply("has no hyperparameter '" + name + "'");
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Hyperparameter hyperparameter : byName.values()) {
      Object given = values.get(hyperparameter.name());
      if (given == null && hyperparameter.isRequired()) {
        throw problem.apply("needs " + hyperparameter.name());
      }
      Object value = given == null ? hyperparameter.defaultValue() : convert(hyperparameter, given, problem);
      resolved.put(hyperparameter.name(), value);
    }
    return new Hyperparameters(resolved);
  }

  private static Object convert(Hyperparameter hyperparameter, Object given,
      Function<String, RuntimeException> problem) {
    String name = hyperparameter.name();
    String text = given.toString().trim();
    Object value;
    switch (hyperparameter.type()) {
      case FLAG -> {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw problem.apply("needs " + name + " to be true or false, was '" + text + "'");
        }
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
      }
      case INTEGER -> {
        try {
          value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw problem.apply("needs " + name + " to be an integer, was '" + text + "'");
        }
      }
      default -> {
        double number;
        try {
          number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw problem.apply("needs " + name + " to be a number, was '" + text + "'");
        }
        if (!Double.isFinite(number)) {
          throw problem.apply("needs " + name + " to be a finite number, was '" + text + "'");
        }
        value = number;
      }
    }
    double number = ((Number) value).doubleValue();
    if (!hyperparameter.allows(number)) {
      throw problem.apply("needs " + name + " " + hyperparameter.range() + ", was " + text);
    }
    return value;
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

  private static String accepted(List<Hyperparameter> declared) {
    if (declared.isEmpty()) {
      return "no hyperparameters";
    }
    StringJoiner list = new StringJoiner(", ", "[", "]");
    for (Hyperparameter hyperparameter : declared) {
      list.add(hyperparameter.summary());
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
