package dev.retrograd.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape shared by every plugin: a name, a one-line description, the hyperparameters it
 * accepts, and a factory that makes a configured instance.
 *
 * <p>A plugin class is registered by one line in {@code META-INF/services/} naming it under its
 * kind's interface ({@link OptimizerPlugin}, {@link ActivationPlugin}, {@link LossPlugin} or
 * {@link InitializerPlugin}):
 *
 * <pre>
 * # META-INF/services/dev.retrograd.api.OptimizerPlugin
 * com.example.SignSgd
 * </pre>
 *
 * <p><b>Names are unique within a kind</b> and lower_snake_case, as are hyperparameter names.
 * <b>The default constructor must be public</b> and cheap: the registry calls it once at load time.
 *
 * @param <T> what the plugin makes
 */
public interface Plugin<T> {

  /**
   * Returns whether {@code name} is lower_snake_case ({@code weight_decay}, {@code gelu_tanh}), the
   * form every plugin name and hyperparameter name takes.
   */
  static boolean isValidName(String name) {
    return name != null && Names.SNAKE_CASE.matcher(name).matches();
  }

  /** Returns the unique lower_snake_case name, such as {@code adamw}. */
  String name();

  /** Returns a one-line description, ideally with the formula. */
  String description();

  /** Returns the hyperparameters {@link #create} accepts, with their defaults; empty by default. */
  default List<Hyperparameter> hyperparameters() {
    return List.of();
  }

  /**
   * Makes a configured instance.
   *
   * @param hyperparameters values for every declared hyperparameter, defaults filled in and ranges
   *     already checked (see {@link Hyperparameters#resolve})
   * @throws IllegalArgumentException for a combination of values the plugin cannot accept
   */
  T create(Hyperparameters hyperparameters);
}

/** The pattern behind {@link Plugin#isValidName}. */
final class Names {

  static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private Names() {}
}
