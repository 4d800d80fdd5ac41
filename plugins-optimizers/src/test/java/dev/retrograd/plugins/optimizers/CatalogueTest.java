package dev.retrograd.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Parameters;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer plugin of the module promises: names, registration, hyperparameters and ranges. */
class CatalogueTest {

  /** Returns the optimizers as the registry finds them: through the module's services file. */
  static Stream<OptimizerPlugin> plugins() {
    return ServiceLoader.load(OptimizerPlugin.class).stream().map(ServiceLoader.Provider::get);
  }

  @Test
  void services_file_lists_exactly_the_expected_optimizers_each_once() {
    List<String> names = plugins().map(OptimizerPlugin::name).toList();

    assertThat(names).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder("adagrad", "adam", "adamw", "lion", "rmsprop", "sgd");
    assertThat(Quadratic.PLUGINS).extracting(OptimizerPlugin::name).containsExactlyInAnyOrderElementsOf(names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void name_is_lower_snake_case(OptimizerPlugin plugin) {
    assertThat(Plugin.isValidName(plugin.name())).as("%s is lower_snake_case", plugin.name()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void description_is_one_non_blank_line(OptimizerPlugin plugin) {
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void class_is_public_final_with_a_public_no_arg_constructor(OptimizerPlugin plugin) throws Exception {
    Class<?> type = plugin.getClass();

    assertThat(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void hyperparameters_have_unique_lower_snake_case_names_and_allowed_defaults(OptimizerPlugin plugin) {
    List<Hyperparameter> hyperparameters = plugin.hyperparameters();

    assertThat(hyperparameters).extracting(Hyperparameter::name).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(Plugin.isValidName(name)).as("%s is lower_snake_case", name).isTrue());
    for (Hyperparameter hyperparameter : hyperparameters) {
      assertThat(hyperparameter.meaning()).isNotBlank();
      if (hyperparameter.type() != Hyperparameter.Type.FLAG) {
        assertThat(hyperparameter.allows(((Number) hyperparameter.defaultValue()).doubleValue()))
            .as(hyperparameter.describe()).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void creates_an_optimizer_from_defaults_alone(OptimizerPlugin plugin) {
    assertThat(plugin.create(Hyperparameters.empty().resolve(plugin)).state()).isEmpty();
  }

  static Stream<Arguments> pytorchDefaults() {
    return Stream.of(
        Arguments.of("sgd", "lr=0.01,momentum=0.0,dampening=0.0,nesterov=false,weight_decay=0.0"),
        Arguments.of("adam", "lr=0.001,beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.0,amsgrad=false"),
        Arguments.of("adamw", "lr=0.001,beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.01,amsgrad=false"),
        Arguments.of("lion", "lr=1.0E-4,beta1=0.9,beta2=0.99,weight_decay=0.0"),
        Arguments.of("rmsprop", "lr=0.01,alpha=0.99,eps=1.0E-8,momentum=0.0,centered=false,weight_decay=0.0"),
        Arguments.of("adagrad", "lr=0.01,lr_decay=0.0,weight_decay=0.0,initial_accumulator_value=0.0,eps=1.0E-10"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pytorchDefaults")
  void defaults_are_pytorchs(String name, String defaults) {
    assertThat(Hyperparameters.empty().resolve(Quadratic.plugin(name))).hasToString(defaults);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ' ', value = {
      "sgd lr=-0.1", "sgd momentum=-0.5", "sgd weight_decay=-1e-4",
      "adam lr=-1e-3", "adam beta1=1", "adam beta1=-0.1", "adam beta2=1", "adam eps=-1e-8", "adam weight_decay=-0.01",
      "adamw lr=-1e-3", "adamw beta1=1", "adamw beta2=1.5", "adamw eps=-1", "adamw weight_decay=-0.01",
      "lion lr=-1e-4", "lion beta1=1", "lion beta2=-0.5", "lion weight_decay=-1",
      "rmsprop lr=-0.01", "rmsprop alpha=-0.1", "rmsprop eps=-1e-8", "rmsprop momentum=-0.9",
      "rmsprop weight_decay=-1",
      "adagrad lr=-0.01", "adagrad lr_decay=-0.1", "adagrad weight_decay=-1",
      "adagrad initial_accumulator_value=-0.1", "adagrad eps=-1e-10"})
  void rejects_what_pytorch_rejects(String name, String assignment) {
    OptimizerPlugin plugin = Quadratic.plugin(name);
    String hyperparameter = assignment.substring(0, assignment.indexOf('='));

    assertThatThrownBy(() -> Hyperparameters.parse(assignment).resolve(plugin))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Optimizer '" + name + "' needs " + hyperparameter + " ");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ' ', value = {
      "sgd lr=0", "sgd dampening=-0.5", "sgd dampening=2", "adam beta1=0", "adam beta2=0", "adam eps=0",
      "adamw weight_decay=0", "lion beta1=0", "rmsprop alpha=1.5", "rmsprop alpha=0", "adagrad eps=0"})
  void accepts_what_pytorch_accepts(String name, String assignment) {
    OptimizerPlugin plugin = Quadratic.plugin(name);
    String hyperparameter = assignment.substring(0, assignment.indexOf('='));
    double value = Double.parseDouble(assignment.substring(assignment.indexOf('=') + 1));

    Hyperparameters resolved = Hyperparameters.parse(assignment).resolve(plugin);
    Optimizer optimizer = plugin.create(resolved);
    double[] theta = {1.0, -2.0};
    optimizer.step(Parameters.of(theta, new double[] {0.5, -0.25}));

    assertThat(resolved.real(hyperparameter)).isEqualTo(value);
    assertThat(optimizer.learningRate()).isEqualTo(resolved.real("lr"));
    assertThat(optimizer.state().get("step")).as("one step taken").containsExactly(1.0);
  }

  @Test
  void a_beta_of_one_is_rejected_with_the_accepted_range_and_every_hyperparameter() {
    assertThatThrownBy(() -> Hyperparameters.parse("beta1=1").resolve(new Adam()))
        .isInstanceOf(PluginException.class)
        .hasMessage("Optimizer 'adam' needs beta1 in [0, 1), was 1; it accepts [lr=0.001 (>= 0), "
            + "beta1=0.9 (in [0, 1)), beta2=0.999 (in [0, 1)), eps=1.0E-8 (>= 0), weight_decay=0.0 (>= 0), "
            + "amsgrad=false].");
  }
}
