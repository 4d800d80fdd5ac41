package dev.retrograd.nn;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Plugin;
import java.util.ArrayList;
import java.util.List;

/**
 * One fully connected layer of an {@link MlpSpec}: its width, its activation and initializer
 * plugins with their hyperparameters, and whether it has batch normalization and a residual
 * connection.
 *
 * <p>The layer computes, for an input row x of width n:
 *
 * <pre>
 *   z = W·x + b                    W: width × n, from the initializer; b = 0
 *   z = BatchNorm1d(z)             if batchNorm   (Linear → BN → activation, the usual order)
 *   y = f(z)                       f: the activation; none for {@value #IDENTITY}
 *   y = x + y                      if residual    (needs width = n)
 * </pre>
 *
 * <pre>{@code
 * LayerSpec hidden = LayerSpec.of(32, "relu", "he_normal").withBatchNorm(true);
 * LayerSpec output = LayerSpec.of(10, "identity", "xavier_uniform");
 * }</pre>
 *
 * <p>Its text form is {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, with hyperparameters in
 * parentheses: {@code 32 leaky_relu(negative_slope=0.1) he_normal +bn +res}.
 *
 * @param width the number of neurons, ≥ 1
 * @param activation the activation plugin's name; {@value #IDENTITY} is linear and needs no plugin
 * @param activationHyperparameters the activation's hyperparameters; empty for its defaults
 * @param initializer the initializer plugin's name
 * @param initializerHyperparameters the initializer's hyperparameters; empty for its defaults
 * @param batchNorm whether the linear part is followed by {@link BatchNorm}, before the activation
 * @param residual whether the layer adds its input to its output, x + f(x)
 */
public record LayerSpec(
    int width,
    String activation,
    Hyperparameters activationHyperparameters,
    String initializer,
    Hyperparameters initializerHyperparameters,
    boolean batchNorm,
    boolean residual) {

  /** The activation name of a linear layer: no activation node and no plugin. */
  public static final String IDENTITY = "identity";

  /**
   * Checks the width and the names; null hyperparameters mean the defaults. Hyperparameters are
   * kept in their text form, so that two specs with the same text are equal.
   */
  public LayerSpec {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, was " + width);
    }
    requireName("activation", activation, "relu");
    requireName("initializer", initializer, "he_normal");
    activationHyperparameters = normalized(activationHyperparameters);
    initializerHyperparameters = normalized(initializerHyperparameters);
    if (activation.equals(IDENTITY) && !activationHyperparameters.names().isEmpty()) {
      throw new IllegalArgumentException("activation 'identity' is linear and takes no hyperparameters, was '"
          + activationHyperparameters + "'; drop them or choose another activation.");
    }
  }

  private static void requireName(String what, String name, String example) {
    if (!Plugin.isValidName(name)) {
      throw new IllegalArgumentException(what + " must be a lower_snake_case plugin name such as " + example
          + ", was " + (name == null ? "null" : "'" + name + "'"));
    }
  }

  private static Hyperparameters normalized(Hyperparameters hyperparameters) {
    return hyperparameters == null ? Hyperparameters.empty() : Hyperparameters.parse(hyperparameters.toString());
  }

  /** Returns a plain layer: default hyperparameters, no batch normalization, no residual connection. */
  public static LayerSpec of(int width, String activation, String initializer) {
    return new LayerSpec(width, activation, Hyperparameters.empty(), initializer, Hyperparameters.empty(),
        false, false);
  }

  /** Returns whether the layer is linear (activation {@value #IDENTITY}). */
  public boolean isLinear() {
    return activation.equals(IDENTITY);
  }

  /** Returns a copy with activation {@code name} and {@code hyperparameters}. */
  public LayerSpec withActivation(String name, Hyperparameters hyperparameters) {
    return new LayerSpec(width, name, hyperparameters, initializer, initializerHyperparameters, batchNorm, residual);
  }

  /** Returns a copy with initializer {@code name} and {@code hyperparameters}. */
  public LayerSpec withInitializer(String name, Hyperparameters hyperparameters) {
    return new LayerSpec(width, activation, activationHyperparameters, name, hyperparameters, batchNorm, residual);
  }

  /** Returns a copy with or without batch normalization. */
  public LayerSpec withBatchNorm(boolean batchNorm) {
    return new LayerSpec(width, activation, activationHyperparameters, initializer, initializerHyperparameters,
        batchNorm, residual);
  }

  /** Returns a copy with or without the residual connection. */
  public LayerSpec withResidual(boolean residual) {
    return new LayerSpec(width, activation, activationHyperparameters, initializer, initializerHyperparameters,
        batchNorm, residual);
  }

  /** Returns the activation with its hyperparameters, such as {@code leaky_relu(negative_slope=0.1)}. */
  public String activationText() {
    return withArguments(activation, activationHyperparameters);
  }

  /** Returns the initializer with its hyperparameters, such as {@code uniform(low=-0.5,high=0.5)}. */
  public String initializerText() {
    return withArguments(initializer, initializerHyperparameters);
  }

  private static String withArguments(String name, Hyperparameters hyperparameters) {
    return hyperparameters.names().isEmpty() ? name : name + "(" + hyperparameters + ")";
  }

  /**
   * Returns the text form, {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, which
   * {@link #parse(String)} reads back.
   */
  @Override
  public String toString() {
    return width + " " + activationText() + " " + initializerText() + (batchNorm ? " +bn" : "")
        + (residual ? " +res" : "");
  }

  /**
   * Reads the text form {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, such as
   * {@code 32 leaky_relu(negative_slope=0.1) he_normal +bn}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static LayerSpec parse(String text) {
    String[] tokens = tokens(text.strip());
    if (tokens.length < 3) {
      throw malformed(text, "it needs a width, an activation and an initializer");
    }
    int width;
    try {
      width = Integer.parseInt(tokens[0]);
    } catch (NumberFormatException e) {
      throw malformed(text, "the width '" + tokens[0] + "' is not an integer");
    }
    boolean batchNorm = false;
    boolean residual = false;
    for (int i = 3; i < tokens.length; i++) {
      switch (tokens[i]) {
        case "+bn" -> batchNorm = true;
        case "+res" -> residual = true;
        default -> throw malformed(text, "'" + tokens[i] + "' is neither +bn nor +res");
      }
    }
    try {
      return new LayerSpec(width, name(tokens[1]), arguments(tokens[1]), name(tokens[2]), arguments(tokens[2]),
          batchNorm, residual);
    } catch (RuntimeException e) {
      throw malformed(text, e.getMessage());
    }
  }

  private static IllegalArgumentException malformed(String text, String why) {
    return new IllegalArgumentException("Malformed layer '" + text.strip() + "': " + why
        + "; expected 'WIDTH ACTIVATION INITIALIZER [+bn] [+res]', such as '32 relu he_normal +bn'.");
  }

  /** Splits at white space outside parentheses. */
  private static String[] tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (Character.isWhitespace(c) && depth == 0) {
        if (token.length() > 0) {
          tokens.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      tokens.add(token.toString());
    }
    return tokens.toArray(String[]::new);
  }

  private static String name(String token) {
    int open = token.indexOf('(');
    return open < 0 ? token : token.substring(0, open);
  }

  private static Hyperparameters arguments(String token) {
    int open = token.indexOf('(');
    if (open < 0) {
      return Hyperparameters.empty();
    }
    if (!token.endsWith(")")) {
      throw new IllegalArgumentException("'" + token + "' opens a parenthesis it does not close at its end");
    }
    return Hyperparameters.parse(token.substring(open + 1, token.length() - 1));
  }
}
