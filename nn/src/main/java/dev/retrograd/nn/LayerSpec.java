package dev.retrograd.nn;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * One fully connected layer of an {@link MlpSpec}: its width, its activation and initializer
 * (registered plugins by name and hyperparameters, or instances registered nowhere), and whether it
 * has batch normalization and a residual connection.
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
 * LayerSpec custom = LayerSpec.of(32, "relu", "he_normal").withActivation("my_swish", new Swish());
 * }</pre>
 *
 * <p>Its text form is {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, with hyperparameters in
 * parentheses: {@code 32 leaky_relu(negative_slope=0.1) he_normal +bn +res}. An instance appears by
 * its name, so the text of a spec holding one reads back to a spec naming a registered plugin.
 *
 * @param width the number of neurons, ≥ 1
 * @param activation the activation; the registered name {@value #IDENTITY} is linear and needs no
 *     plugin
 * @param initializer the weight initializer
 * @param batchNorm whether the linear part is followed by {@link BatchNorm}, before the activation
 * @param residual whether the layer adds its input to its output, x + f(x)
 */
public record LayerSpec(
    int width,
    PluginChoice<Activation> activation,
    PluginChoice<Initializer> initializer,
    boolean batchNorm,
    boolean residual) {

  /** The activation name of a linear layer: no activation node and no plugin. */
  public static final String IDENTITY = "identity";

  /**
   * Checks the width and the plugins: a registered name must be lower_snake_case, the linear
   * {@value #IDENTITY} takes no hyperparameters, and no instance may take its name.
   */
  public LayerSpec {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, was " + width);
    }
    requireChoice("activation", activation, "relu");
    requireChoice("initializer", initializer, "he_normal");
    if (activation.name().equals(IDENTITY) && !(activation instanceof PluginChoice.Named)) {
      throw new IllegalArgumentException("activation 'identity' names the linear layer, without an activation;"
          + " give the instance another name.");
    }
    if (activation.name().equals(IDENTITY) && !activation.hyperparameters().names().isEmpty()) {
      throw new IllegalArgumentException("activation 'identity' is linear and takes no hyperparameters, was '"
          + activation.hyperparameters() + "'; drop them or choose another activation.");
    }
  }

  private static void requireChoice(String what, PluginChoice<?> choice, String example) {
    if (choice == null) {
      throw new IllegalArgumentException(what + " must be a lower_snake_case plugin name such as " + example
          + ", was null");
    }
    requireName(what, choice.name(), example);
  }

  private static String requireName(String what, String name, String example) {
    if (!Plugin.isValidName(name)) {
      throw new IllegalArgumentException(what + " must be a lower_snake_case plugin name such as " + example
          + ", was " + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /**
   * Returns a plain layer: registered plugins with their default hyperparameters, no batch
   * normalization, no residual connection.
   */
  public static LayerSpec of(int width, String activation, String initializer) {
    return new LayerSpec(width, PluginChoice.named(requireName("activation", activation, "relu")),
        PluginChoice.named(requireName("initializer", initializer, "he_normal")), false, false);
  }

  /** Returns whether the layer is linear (activation {@value #IDENTITY}). */
  public boolean isLinear() {
    return activation.name().equals(IDENTITY);
  }

  /** Returns a copy with the registered activation {@code name} and {@code hyperparameters}. */
  public LayerSpec withActivation(String name, Hyperparameters hyperparameters) {
    return withActivation(PluginChoice.named(requireName("activation", name, "relu"), hyperparameters));
  }

  /** Returns a copy with the activation {@code instance}, registered nowhere, called {@code name}. */
  public LayerSpec withActivation(String name, Activation instance) {
    return withActivation(PluginChoice.given(name, instance));
  }

  /** Returns a copy with this activation. */
  public LayerSpec withActivation(PluginChoice<Activation> activation) {
    return new LayerSpec(width, activation, initializer, batchNorm, residual);
  }

  /** Returns a copy with the registered initializer {@code name} and {@code hyperparameters}. */
  public LayerSpec withInitializer(String name, Hyperparameters hyperparameters) {
    return withInitializer(PluginChoice.named(requireName("initializer", name, "he_normal"), hyperparameters));
  }

  /** Returns a copy with the initializer {@code instance}, registered nowhere, called {@code name}. */
  public LayerSpec withInitializer(String name, Initializer instance) {
    return withInitializer(PluginChoice.given(name, instance));
  }

  /** Returns a copy with this initializer. */
  public LayerSpec withInitializer(PluginChoice<Initializer> initializer) {
    return new LayerSpec(width, activation, initializer, batchNorm, residual);
  }

  /** Returns a copy with or without batch normalization. */
  public LayerSpec withBatchNorm(boolean batchNorm) {
    return new LayerSpec(width, activation, initializer, batchNorm, residual);
  }

  /** Returns a copy with or without the residual connection. */
  public LayerSpec withResidual(boolean residual) {
    return new LayerSpec(width, activation, initializer, batchNorm, residual);
  }

  /**
   * Returns the text form, {@code WIDTH ACTIVATION INITIALIZER [+bn] [+res]}, which
   * {@link #parse(String)} reads back.
   */
  @Override
  public String toString() {
    return width + " " + activation + " " + initializer + (batchNorm ? " +bn" : "")
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
      return new LayerSpec(width,
          PluginChoice.named(requireName("activation", name(tokens[1]), "relu"), arguments(tokens[1])),
          PluginChoice.named(requireName("initializer", name(tokens[2]), "he_normal"), arguments(tokens[2])),
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
