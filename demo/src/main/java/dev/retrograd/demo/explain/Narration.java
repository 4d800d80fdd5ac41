package dev.retrograd.demo.explain;

import dev.retrograd.demo.explain.ExplainedStep.LayerBackward;
import dev.retrograd.demo.explain.ExplainedStep.NeuronBackward;
import dev.retrograd.demo.explain.ExplainedStep.NeuronForward;
import dev.retrograd.demo.explain.ExplainedStep.ParameterGradient;
import dev.retrograd.demo.explain.ExplainedStep.ParameterUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.StringJoiner;

/**
 * Tells an {@link ExplainedStep} in the four phases of the textbook, with its numbers, in English or
 * French. The sentences are in the resource bundle {@code dev/retrograd/demo/explain/Narration}
 * ({@code Narration.properties} in English, {@code Narration_fr.properties} in French, both UTF-8);
 * numbers have four decimals, written the language's way (0.7071, 0,7071).
 */
public final class Narration {

  /** The languages there is a bundle for, English first: the default. */
  public static final List<String> LANGUAGES = List.of("en", "fr");

  private static final String BUNDLE = "dev.retrograd.demo.explain.Narration";
  /** One step of indentation; the bundle's sentences have none, since a properties file drops leading spaces. */
  private static final String INDENT = "  ";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Narration(Locale locale) {
    this.locale = locale;
    // no fallback to the machine's locale: 'en' must give the English base bundle even on a French machine
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Returns the narration in {@code language}, {@code en} or {@code fr}.
   *
   * @throws IllegalArgumentException for another language, listing those there are
   */
  public static Narration in(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("Unknown language '" + language + "'; available: " + LANGUAGES + ".");
    }
    return new Narration(Locale.forLanguageTag(language));
  }

  /** Returns the whole narration, one line per line, each ending in a line break. */
  public String narrate(ExplainedStep step) {
    List<String> lines = new ArrayList<>();
    StepSetup setup = step.setup();
    String output = setup.outputActivation().equals("identity") ? text("linear") : setup.outputActivation();
    lines.add(text("header", setup.widths(), setup.activation(), output, setup.loss(), step.optimizerText()));
    lines.add(text("setup", setup.initializer(), Long.toString(setup.seed()), tuple(setup.input()),
        tuple(setup.target())));
    lines.add("");
    forward(step, lines);
    lines.add("");
    loss(step, lines);
    lines.add("");
    backward(step, lines);
    lines.add("");
    update(step, lines);
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private void forward(ExplainedStep step, List<String> lines) {
    lines.add(text("forward.title"));
    for (NeuronForward neuron : step.forward()) {
      StringJoiner sum = new StringJoiner(" + ");
      for (int j = 0; j < neuron.weights().length; j++) {
        sum.add(factor(neuron.weights()[j]) + "·" + factor(neuron.inputs()[j]));
      }
      sum.add(factor(neuron.bias()));
      boolean linear = neuron.activation().equals("identity");
      lines.add(INDENT + text("forward.neuron", text("neuron.name", neuron.layer(), neuron.neuron()), sum, number(
          neuron.weightedSum()), linear ? "s" : neuron.activation() + "(s)", number(neuron.output())));
    }
  }

  private void loss(ExplainedStep step, List<String> lines) {
    ExplainedStep.LossPhase loss = step.loss();
    String formula = has("loss.formula." + loss.name()) ? text("loss.formula." + loss.name())
        : text("loss.formula.default", loss.name(), loss.description());
    lines.add(text("loss.title", formula));
    lines.add(INDENT + text("loss.value", loss.name(), tuple(loss.prediction()), tuple(loss.target()), number(loss.value())));
  }

  private void backward(ExplainedStep step, List<String> lines) {
    lines.add(text("backward.title"));
    lines.add(INDENT + text("backward.check"));
    int nameWidth = step.updates().stream().mapToInt(update -> update.name().length()).max().orElse(0);
    ExplainedStep.LossPhase loss = step.loss();
    for (LayerBackward layer : step.backward()) {
      lines.add(INDENT + text(layer.output() ? "backward.layer.output" : "backward.layer.hidden", layer.layer()));
      for (NeuronBackward neuron : layer.neurons()) {
        if (layer.output()) {
          int k = neuron.neuron();
          String formula = has("lossGradient." + loss.name())
              ? text("lossGradient." + loss.name(), number(loss.prediction()[k]), number(loss.target()[k]),
                  loss.prediction().length)
              : text("lossGradient.default", loss.name());
          lines.add(INDENT.repeat(2) + text("backward.output", k, formula, number(neuron.lossGradient()),
              number(neuron.engineGradient())));
        } else {
          StringJoiner terms = new StringJoiner(" + ");
          neuron.terms().forEach(term -> terms.add(factor(term[0]) + "·" + factor(term[1]) + "·" + factor(term[2])));
          lines.add(INDENT.repeat(2) + text("backward.hidden", neuron.neuron(), terms, number(neuron.lossGradient()),
              number(neuron.engineGradient())));
        }
        lines.add(INDENT.repeat(3) + slope(layer.activation(), neuron.activationSlope()));
        for (ParameterGradient parameter : neuron.parameters()) {
          lines.add(INDENT.repeat(3) + text(parameter.bias() ? "backward.bias" : "backward.weight",
              pad(parameter.name(), nameWidth), factor(parameter.lossGradient()), factor(parameter.localGradient()),
              number(parameter.product()), number(parameter.engine()), number(parameter.centralDifference()),
              text(parameter.agrees() ? "agrees" : "disagrees")));
        }
      }
    }
  }

  private void update(ExplainedStep step, List<String> lines) {
    String optimizer = step.setup().optimizer();
    String rule = has("update.rule." + optimizer) ? text("update.rule." + optimizer)
        : text("update.rule.default", step.optimizerDescription());
    lines.add(text("update.title", step.optimizerText(), rule));
    int nameWidth = step.updates().stream().mapToInt(update -> update.name().length()).max().orElse(0);
    for (ParameterUpdate update : step.updates()) {
      double plainStep = update.before() - step.learningRate() * update.gradient();
      boolean plain = optimizer.equals("sgd") && Math.abs(plainStep - update.after()) <= 1e-12 * Math.max(1,
          Math.abs(update.after()));
      lines.add(INDENT + (plain
          ? text("update.sgd", pad(update.name(), nameWidth), number(update.before()), number(step.learningRate()),
              factor(update.gradient()), number(update.after()))
          : text("update.other", pad(update.name(), nameWidth), number(update.before()), number(update.after()),
              number(update.gradient()))));
    }
    lines.add(text("update.loss", number(step.loss().value()), number(step.lossAfter())));
  }

  /** Returns the line f'(s) = formula = value for {@code activation}, or that a linear layer's f'(s) is 1. */
  private String slope(String activation, double slope) {
    if (activation.equals("identity")) {
      return text("backward.slope.linear");
    }
    String formula = has("slope." + activation) ? text("slope." + activation) : text("slope.default", activation);
    return text("backward.slope", formula, number(slope));
  }

  /** Returns the bundle's sentence {@code key} with {@code arguments}. */
  public String text(String key, Object... arguments) {
    return String.format(locale, bundle.getString(key), arguments);
  }

  private boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * Returns {@code x} with four decimals in this language ({@code 0.7071}, {@code 0,7071}), in
   * scientific notation below 0.0001 or from a million up, 0 for zero.
   */
  public String number(double x) {
    if (x == 0) {
      return String.format(locale, "%.4f", 0.0);
    }
    double magnitude = Math.abs(x);
    return magnitude >= 1e-4 && magnitude < 1e6 || !Double.isFinite(x)
        ? String.format(locale, "%.4f", x) : String.format(locale, "%.3e", x);
  }

  /** Returns a number as a factor of a product: in parentheses when negative, {@code (-0.5260)}. */
  private String factor(double x) {
    String number = number(x);
    return number.startsWith("-") ? "(" + number + ")" : number;
  }

  private String tuple(double[] values) {
    StringJoiner joined = new StringJoiner(text("list.separator"), "(", ")");
    Arrays.stream(values).forEach(value -> joined.add(number(value)));
    return joined.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
