package dev.retrograd.demo.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.demo.explain.ExplainedStep.ParameterGradient;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NarrationTest {

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = NarrationTest.class.getResourceAsStream("/dev/retrograd/demo/explain/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static TreeSet<String> placeholders(String pattern) {
    TreeSet<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile("%(\\d+)\\$s").matcher(pattern);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  @Test
  void english_and_french_have_the_same_sentences_with_the_same_arguments() throws IOException {
    Properties english = bundle("Narration.properties");
    Properties french = bundle("Narration_fr.properties");

    assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(placeholders(french.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
    }
    assertThat(french.getProperty("backward.title")).startsWith("3. Rétropropagation");
  }

  @Test
  void every_product_is_narrated_with_both_factors_its_checks_and_a_tick() {
    ExplainedStep step = StepExplainerTest.defaultStep();
    Narration english = Narration.in("en");

    String text = english.narrate(step);

    List<ParameterGradient> gradients = step.backward().stream().flatMap(layer -> layer.neurons().stream())
        .flatMap(neuron -> neuron.parameters().stream()).toList();
    int width = gradients.stream().mapToInt(gradient -> gradient.name().length()).max().orElseThrow();
    for (ParameterGradient gradient : gradients) {
      String factor1 = parenthesized(english.number(gradient.lossGradient()));
      String factor2 = parenthesized(english.number(gradient.localGradient()));
      String expected = gradient.name() + " ".repeat(width - gradient.name().length()) + "  ∂L/∂" + (gradient.bias() ? "b" : "w")
          + " = ∂L/∂y × ∂y/∂" + (gradient.bias() ? "b" : "w") + " = " + factor1 + " × " + factor2 + " = "
          + english.number(gradient.product()) + "    engine " + english.number(gradient.engine())
          + ", central difference " + english.number(gradient.centralDifference()) + " ✓";
      assertThat(text).contains(expected);
    }
    assertThat(text).doesNotContain("✗").contains("1. Forward pass", "2. Loss: mse = mean((y − t)²)",
        "3. Backward pass", "4. Update: sgd(lr=0.1), θ ← θ − lr·g.");
  }

  private static String parenthesized(String number) {
    return number.startsWith("-") ? "(" + number + ")" : number;
  }

  @Test
  void french_writes_decimal_commas_and_its_own_sentences() {
    ExplainedStep step = StepExplainerTest.defaultStep();

    String text = Narration.in("fr").narrate(step);

    assertThat(text).contains("1. Propagation avant", "2. Calcul de l'erreur", "3. Rétropropagation",
        "4. Mise à jour des poids", "x = (0,5000 ; -1,0000)", "différence centrée");
    assertThat(Narration.in("fr").number(0.70710678)).isEqualTo("0,7071");
    assertThat(Narration.in("en").number(0.70710678)).isEqualTo("0.7071");
  }

  @Test
  void a_loss_an_activation_and_an_optimizer_without_a_sentence_of_their_own_are_described_by_their_plugin() {
    ExplainedStep step = new StepExplainer(Plugins.load()).explain(new StepSetup(new int[] {2}, "softsign",
        "identity", "xavier_uniform", 2, "huber", "adam", Hyperparameters.parse("lr=0.01"), new double[] {1, 0},
        new double[] {0.5}));

    String text = Narration.in("en").narrate(step);

    assertThat(text).contains("2. Loss: huber: Huber loss", "∂huber/∂y", "f'(s) = softsign'(s) = ",
        "4. Update: adam(lr=0.01), Adam: θ ← θ − lr·m_hat/(sqrt(v_hat) + eps)", " → ");
  }

  @Test
  void english_is_english_on_a_french_machine_too() {
    Locale machine = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRANCE);
      assertThat(Narration.in("en").text("forward.title")).startsWith("1. Forward pass");
      assertThat(Narration.in("en").number(0.5)).isEqualTo("0.5000");
    } finally {
      Locale.setDefault(machine);
    }
  }

  @Test
  void an_unknown_language_lists_those_there_are() {
    assertThatThrownBy(() -> Narration.in("de")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown language 'de'; available: [en, fr].");
  }
}
