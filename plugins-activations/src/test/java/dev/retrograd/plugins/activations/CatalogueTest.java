package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Plugin;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The module's plugins as a catalogue: registered, named and described as the SPI requires. */
class CatalogueTest {

  static Stream<ActivationPlugin> plugins() {
    return Catalogue.plugins().stream();
  }

  @Test
  void the_services_file_lists_exactly_the_expected_plugins() {
    assertThat(Catalogue.plugins().stream().map(ActivationPlugin::name).sorted().toList())
        .isEqualTo(Catalogue.EXPECTED_NAMES);
  }

  @Test
  void names_are_unique() {
    List<String> names = Catalogue.plugins().stream().map(ActivationPlugin::name).toList();
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void every_activation_plugin_class_in_the_package_is_in_the_services_file()
      throws IOException, URISyntaxException, ClassNotFoundException {
    URL classes = Relu.class.getProtectionDomain().getCodeSource().getLocation();
    Path directory = Path.of(classes.toURI()).resolve(Relu.class.getPackageName().replace('.', '/'));
    Set<String> inPackage = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String simpleName = file.getFileName().toString();
        if (simpleName.endsWith(".class") && !simpleName.contains("$")) {
          Class<?> type = Class.forName(Relu.class.getPackageName() + "." + simpleName.replace(".class", ""));
          if (ActivationPlugin.class.isAssignableFrom(type) && !type.isInterface()) {
            inPackage.add(type.getName());
          }
        }
      }
    }
    Set<String> registered = Catalogue.plugins().stream().map(plugin -> plugin.getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inPackage).hasSize(Catalogue.EXPECTED_NAMES.size()).isEqualTo(registered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void name_is_lower_snake_case_and_description_one_nonblank_line(ActivationPlugin plugin) {
    assertThat(Plugin.isValidName(plugin.name())).as("%s is lower_snake_case", plugin.name()).isTrue();
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void hyperparameters_are_lower_snake_case_reals_with_allowed_defaults(ActivationPlugin plugin) {
    for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
      assertThat(Plugin.isValidName(hyperparameter.name())).as("%s is lower_snake_case", hyperparameter.name()).isTrue();
      assertThat(hyperparameter.type()).isEqualTo(Hyperparameter.Type.REAL);
      assertThat(hyperparameter.allows((Double) hyperparameter.defaultValue())).isTrue();
      assertThat(hyperparameter.meaning()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void class_is_public_final_with_a_public_no_arg_constructor(ActivationPlugin plugin)
      throws ReflectiveOperationException {
    Class<?> type = plugin.getClass();
    assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
    assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
    assertThat(type.getConstructor().newInstance()).isInstanceOf(ActivationPlugin.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plugins")
  void creates_a_working_activation_from_its_defaults(ActivationPlugin plugin) {
    Activation activation = plugin.create(Hyperparameters.empty().resolve(plugin));
    assertThat(activation).isNotNull();
    assertThat(activation.apply(0.5)).isFinite();
    assertThat(activation.derivative(0.5, activation.apply(0.5))).isFinite();
    assertThat(activation.toString()).startsWith(plugin.name());
  }
}
