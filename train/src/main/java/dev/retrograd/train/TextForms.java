package dev.retrograd.train;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A family of values written {@code NAME} or {@code NAME:KEY=VALUE,…}, such as the learning-rate
 * schedules ({@code step:step_size=10,gamma=0.5}) and the gradient clippings
 * ({@code norm:max_norm=1.0}). Each form declares its parameters as {@link Hyperparameter}s, so the
 * parser of plugin hyperparameters ({@link Hyperparameters#read}) reads them all, with the same
 * types, defaults, ranges and messages, and a record built in code is checked by the same
 * declarations ({@link #check}).
 *
 * <p>A form of one parameter also reads its value alone: {@code norm:1.0} is
 * {@code norm:max_norm=1.0}.
 *
 * @param <T> what the family's forms make
 */
final class TextForms<T> {

  /**
   * One form: its name, its parameters in text order, and how to make the value from them.
   *
   * @param name the lower_snake_case name before the colon
   * @param parameters what may follow the colon
   * @param make makes the value from every parameter, resolved
   */
  record Form<T>(String name, List<Hyperparameter> parameters, Function<Hyperparameters, T> make) {
    Form {
      parameters = List.copyOf(parameters);
    }
  }

  private final String family;
  private final Map<String, Form<T>> forms = new LinkedHashMap<>();

  /** Creates the family called {@code family} ({@code schedule}) of these forms, in the order messages list them. */
  TextForms(String family, List<Form<T>> forms) {
    this.family = family;
    forms.forEach(form -> this.forms.put(form.name(), form));
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException for an unknown name, listing the forms, or for a parameter
   *     that is unknown, missing, malformed or out of range, naming the form and listing what it
   *     accepts
   */
  T parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int colon = trimmed.indexOf(':');
    Form<T> form = forms.get((colon < 0 ? trimmed : trimmed.substring(0, colon)).trim());
    if (form == null) {
      throw new IllegalArgumentException("Unknown " + family + " '" + trimmed + "'; accepted: " + accepted() + ".");
    }
    String arguments = colon < 0 ? "" : trimmed.substring(colon + 1);
    if (form.parameters().size() == 1 && !arguments.isBlank() && !arguments.contains("=")) {
      arguments = form.parameters().get(0).name() + "=" + arguments;
    }
    return form.make().apply(Hyperparameters.read(arguments, owner(form), form.parameters()));
  }

  /**
   * Checks the values of form {@code name}'s parameters, given in their declared order, as
   * {@link #parse} checks text: what a record's constructor calls.
   *
   * @throws IllegalArgumentException naming the form, the parameter and what it accepts
   */
  void check(String name, Object... values) {
    Form<T> form = form(name);
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      given.put(form.parameters().get(i).name(), values[i]);
    }
    Hyperparameters.of(given).resolve(owner(form), form.parameters());
  }

  /**
   * Returns the text form of form {@code name} with these values, in declared order, which
   * {@link #parse} reads back: required values always, others only where they differ from their
   * defaults ({@code cosine}, {@code step:step_size=10,gamma=0.5}).
   */
  String text(String name, Object... values) {
    Form<T> form = form(name);
    StringJoiner pairs = new StringJoiner(",");
    for (int i = 0; i < values.length; i++) {
      Hyperparameter parameter = form.parameters().get(i);
      if (parameter.isRequired() || !values[i].equals(parameter.defaultValue())) {
        pairs.add(parameter.name() + "=" + values[i]);
      }
    }
    return pairs.length() == 0 ? name : name + ":" + pairs;
  }

  /**
   * Returns the forms for messages, required parameters with a placeholder and optional ones in
   * brackets with their defaults: {@code constant, step:step_size=N[,gamma=0.1], …}.
   */
  String accepted() {
    StringJoiner list = new StringJoiner(", ");
    for (Form<T> form : forms.values()) {
      StringJoiner required = new StringJoiner(",");
      StringJoiner optional = new StringJoiner(",");
      for (Hyperparameter parameter : form.parameters()) {
        if (parameter.isRequired()) {
          required.add(parameter.name() + "=" + placeholder(parameter));
        } else {
          optional.add(parameter.name() + "=" + parameter.defaultValue());
        }
      }
      String text = form.name() + (required.length() == 0 ? "" : ":" + required);
      list.add(optional.length() == 0 ? text : text + "[" + (required.length() == 0 ? ":" : ",") + optional + "]");
    }
    return list.toString();
  }

  private static String placeholder(Hyperparameter parameter) {
    return switch (parameter.type()) {
      case INTEGER -> "N";
      case REAL -> "X";
      case FLAG -> "true|false";
    };
  }

  private Form<T> form(String name) {
    Form<T> form = forms.get(name);
    if (form == null) {
      throw new IllegalStateException("no " + family + " form '" + name + "' among " + forms.keySet());
    }
    return form;
  }

  private String owner(Form<T> form) {
    return family.substring(0, 1).toUpperCase(Locale.ROOT) + family.substring(1) + " '" + form.name() + "'";
  }
}
