package dev.retrograd.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every loss in the module promises: its name, its registration, its argument checks. */
class LossCatalogueTest {

  private static final List<String> EXPECTED_NAMES = List.of("bce_with_logits",
      "binary_cross_entropy", "cross_entropy", "hinge", "huber", "l1", "mse", "nll", "smooth_l1");

  /** A valid (prediction, target) pair for each loss, by name. */
  private static final Map<String, double[][]> SAMPLES = Map.of(
      "mse", new double[][] {{0.5, -1.25, 3.0}, {1.0, 0.75, -2.0}},
      "l1", new double[][] {{0.5, -1.25, 3.0}, {1.0, 0.75, -2.0}},
      "huber", new double[][] {{0.5, -1.25, 3.0}, {1.0, 0.75, -2.0}},
      "smooth_l1", new double[][] {{0.5, -1.25, 3.0}, {1.0, 0.75, -2.0}},
      "binary_cross_entropy", new double[][] {{0.9, 0.2, 0.6}, {1.0, 0.0, 0.3}},
      "bce_with_logits", new double[][] {{2.0, -1.0, 0.0}, {1.0, 0.0, 0.5}},
      "cross_entropy", new double[][] {{2.0, -1.0, 0.25}, {0.0, 0.0, 1.0}},
      "nll", new double[][] {{-0.5, -1.2, -2.3}, {0.0, 1.0, 0.0}},
      "hinge", new double[][] {{0.5, -2.0, 1.5}, {1.0, -1.0, -1.0}});

  static Stream<LossPlugin> plugins() {
    return ServiceLoader.load(LossPlugin.class).stream().map(ServiceLoader.Provider::get);
  }

  @Test
  void services_file_lists_exactly_the_expected_losses() {
    assertThat(plugins().map(LossPlugin::name).sorted()).containsExactlyElementsOf(EXPECTED_NAMES);
  }

  @Test
  void every_loss_class_in_the_package_is_registered() {
    List<Class<?>> registered = plugins().map(Object::getClass).collect(Collectors.toList());
    assertThat(registered).hasSize(EXPECTED_NAMES.size()).doesNotHaveDuplicates();
    assertThat(registered).allSatisfy(type -> {
      assertThat(type.getPackageName()).isEqualTo("dev.retrograd.plugins.losses");
      assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
      assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
      assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void name_is_lower_snake_case_and_unique(LossPlugin plugin) {
    assertThat(Plugin.isValidName(plugin.name())).as("%s is lower_snake_case", plugin.name()).isTrue();
    assertThat(plugins().filter(other -> other.name().equals(plugin.name()))).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void description_is_one_non_blank_line(LossPlugin plugin) {
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void hyperparameters_are_lower_snake_case_and_their_defaults_are_allowed(LossPlugin plugin) {
    for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
      assertThat(Plugin.isValidName(hyperparameter.name())).as("%s is lower_snake_case", hyperparameter.name()).isTrue();
      assertThat(hyperparameter.meaning()).isNotBlank();
      assertThat(hyperparameter.allows(((Number) hyperparameter.defaultValue()).doubleValue())).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void created_with_defaults_it_computes_what_the_plugin_instance_computes(LossPlugin plugin) {
    double[][] sample = SAMPLES.get(plugin.name());
    Loss created = plugin.create(Hyperparameters.empty().resolve(plugin));
    Loss asLoss = (Loss) plugin;
    assertThat(created.value(sample[0], sample[1])).isEqualTo(asLoss.value(sample[0], sample[1]));
    assertThat(GradientCheck.gradient(created, sample[0], sample[1]))
        .containsExactly(GradientCheck.gradient(asLoss, sample[0], sample[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void value_and_gradient_leave_their_arguments_unchanged(LossPlugin plugin) {
    double[][] sample = SAMPLES.get(plugin.name());
    double[] prediction = sample[0].clone();
    double[] target = sample[1].clone();
    Loss loss = plugin.create(Hyperparameters.empty().resolve(plugin));
    loss.value(prediction, target);
    loss.gradient(prediction, target, new double[prediction.length]);
    assertThat(prediction).containsExactly(sample[0]);
    assertThat(target).containsExactly(sample[1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void prediction_and_target_of_different_lengths_are_rejected(LossPlugin plugin) {
    double[][] sample = SAMPLES.get(plugin.name());
    double[] shortTarget = {sample[1][0], sample[1][1]};
    Loss loss = plugin.create(Hyperparameters.empty().resolve(plugin));
    String message = plugin.name()
        + ": prediction has 3 elements but target has 2; give one target per prediction.";
    assertThatThrownBy(() -> loss.value(sample[0], shortTarget))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> loss.gradient(sample[0], shortTarget, new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void empty_prediction_and_target_are_rejected(LossPlugin plugin) {
    Loss loss = plugin.create(Hyperparameters.empty().resolve(plugin));
    String message = plugin.name()
        + ": prediction and target are empty; a loss needs at least one element.";
    assertThatThrownBy(() -> loss.value(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> loss.gradient(new double[0], new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void a_gradient_output_of_the_wrong_length_is_rejected(LossPlugin plugin) {
    double[][] sample = SAMPLES.get(plugin.name());
    Loss loss = plugin.create(Hyperparameters.empty().resolve(plugin));
    assertThatThrownBy(() -> loss.gradient(sample[0], sample[1], new double[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(plugin.name() + ": gradient output has 4 elements but prediction has 3;"
            + " give an array of the prediction's length.");
  }
}
