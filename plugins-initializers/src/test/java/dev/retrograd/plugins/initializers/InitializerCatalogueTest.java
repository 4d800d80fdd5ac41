package dev.retrograd.plugins.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InitializerCatalogueTest {

  private static final List<String> EXPECTED_NAMES = List.of("constant", "he_normal", "he_uniform",
      "lecun_normal", "lecun_uniform", "normal", "orthogonal", "uniform", "xavier_normal",
      "xavier_uniform", "zeros");

  static List<InitializerPlugin> plugins() {
    return List.of(new Constant(), new HeNormal(), new HeUniform(), new LecunNormal(),
        new LecunUniform(), new Normal(), new Orthogonal(), new Uniform(), new XavierNormal(),
        new XavierUniform(), new Zeros());
  }

  static Stream<InitializerPlugin> randomPlugins() {
    return plugins().stream().filter(p -> !List.of("zeros", "constant").contains(p.name()));
  }

  private static Initializer withDefaults(InitializerPlugin plugin) {
    return plugin.create(Hyperparameters.empty().resolve(plugin));
  }

  @Test
  void the_catalogue_has_exactly_the_expected_names_each_once() {
    List<String> names = plugins().stream().map(InitializerPlugin::name).sorted().toList();
    assertThat(names).containsExactlyElementsOf(EXPECTED_NAMES);
  }

  @Test
  void the_services_file_registers_every_plugin_class_and_nothing_else() {
    List<InitializerPlugin> loaded = ServiceLoader.load(InitializerPlugin.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertThat(loaded).extracting(InitializerPlugin::name)
        .containsExactlyInAnyOrderElementsOf(EXPECTED_NAMES);
    assertThat(loaded.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(plugins().stream().map(Object::getClass).collect(Collectors.toSet()));
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void each_plugin_is_named_in_lower_snake_case_and_described_on_one_line(InitializerPlugin plugin) {
    assertThat(Plugin.isValidName(plugin.name())).as("%s is lower_snake_case", plugin.name()).isTrue();
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void each_hyperparameter_is_lower_snake_case_with_a_meaning_and_an_allowed_default(
      InitializerPlugin plugin) {
    for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
      assertThat(Plugin.isValidName(hyperparameter.name())).as("%s is lower_snake_case", hyperparameter.name()).isTrue();
      assertThat(hyperparameter.meaning()).isNotBlank();
      assertThat(hyperparameter.type()).isEqualTo(Hyperparameter.Type.REAL);
      assertThat(hyperparameter.allows((Double) hyperparameter.defaultValue())).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void each_plugin_fills_every_weight_with_a_finite_number(InitializerPlugin plugin) {
    double[] weights = Kit.fill(withDefaults(plugin), 7, 4, 1);
    assertThat(Arrays.stream(weights).boxed().toList()).hasSize(28).allMatch(Double::isFinite);
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void each_initializer_names_its_plugin_and_settings(InitializerPlugin plugin) {
    String settings = Hyperparameters.empty().resolve(plugin).toString();
    assertThat(withDefaults(plugin)).hasToString(plugin.name() + "(" + settings + ")");
  }

  @ParameterizedTest
  @MethodSource("randomPlugins")
  void the_same_seed_gives_the_same_weights(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    assertThat(Kit.fill(initializer, 30, 20, 42)).containsExactly(Kit.fill(initializer, 30, 20, 42));
  }

  @ParameterizedTest
  @MethodSource("randomPlugins")
  void different_seeds_give_different_weights(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    double[] first = Kit.fill(initializer, 30, 20, 42);
    double[] second = Kit.fill(initializer, 30, 20, 43);
    for (int i = 0; i < first.length; i++) {
      assertThat(second[i]).as("weight %d", i).isNotEqualTo(first[i]);
    }
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void a_fan_below_one_is_rejected_with_both_fans(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    RandomGenerator random = new SplittableRandom(1);
    assertThatThrownBy(() -> initializer.initialize(new double[0], 0, 3, random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(plugin.name() + ": needs fanIn >= 1 and fanOut >= 1, got fanIn=0, fanOut=3");
    assertThatThrownBy(() -> initializer.initialize(new double[0], 2, -1, random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(plugin.name() + ": needs fanIn >= 1 and fanOut >= 1, got fanIn=2, fanOut=-1");
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void weights_of_the_wrong_length_are_rejected_with_the_shape(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    double[] weights = new double[5];
    weights[0] = 9;
    assertThatThrownBy(() -> initializer.initialize(weights, 3, 2, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(plugin.name() + ": needs 6 weights (fanOut 2 x fanIn 3), got 5");
    assertThat(weights).as("left untouched").containsExactly(9, 0, 0, 0, 0);
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void fans_whose_product_overflows_an_int_are_rejected_not_wrapped(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    // 65536 · 65536 = 2^32 wraps to 0 in int arithmetic.
    assertThatThrownBy(() -> initializer.initialize(new double[0], 65536, 65536, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(plugin.name() + ": needs 4294967296 weights (fanOut 65536 x fanIn 65536), got 0");
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void missing_weights_or_generator_are_named(InitializerPlugin plugin) {
    Initializer initializer = withDefaults(plugin);
    assertThatThrownBy(() -> initializer.initialize(null, 1, 1, new SplittableRandom(1)))
        .isInstanceOf(NullPointerException.class).hasMessage("weights");
    assertThatThrownBy(() -> initializer.initialize(new double[1], 1, 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("random");
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void a_single_weight_is_a_valid_matrix(InitializerPlugin plugin) {
    double[] weights = Kit.fill(withDefaults(plugin), 1, 1, 5);
    assertThat(Arrays.stream(weights).boxed().toList()).hasSize(1).allMatch(Double::isFinite);
  }
}
