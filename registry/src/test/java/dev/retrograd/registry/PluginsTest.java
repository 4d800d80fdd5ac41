package dev.retrograd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Parameters;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import dev.retrograd.api.TestPlugins;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

  @TempDir
  Path dir;

  private final Plugins plugins = Plugins.of(List.of(new TestPlugins.PlainSgd(), new TestPlugins.Identity()));

  @Test
  void creates_a_configured_plugin_by_name() {
    Optimizer optimizer = plugins.optimizer("plain_sgd", Hyperparameters.parse("lr=0.5"));
    double[] values = {1.0};
    optimizer.step(Parameters.of(values, new double[] {2.0}));

    assertThat(optimizer.learningRate()).isEqualTo(0.5);
    assertThat(values[0]).isEqualTo(0.0);
    assertThat(plugins.optimizer("plain_sgd").learningRate()).isEqualTo(0.1);
    assertThat(plugins.activation("identity").apply(3.0)).isEqualTo(3.0);
  }

  @Test
  void lists_plugins_by_kind() {
    assertThat(plugins.optimizers()).extracting(Plugin::name).containsExactly("plain_sgd");
    assertThat(plugins.activations()).extracting(Plugin::name).containsExactly("identity");
    assertThat(plugins.losses()).isEmpty();
    assertThat(plugins.initializers()).isEmpty();
    assertThat(plugins.plugin("optimizer", "plain_sgd")).isInstanceOf(TestPlugins.PlainSgd.class);
  }

  @Test
  void an_unknown_name_lists_the_available_ones() {
    assertThatThrownBy(() -> plugins.optimizer("adamx"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Unknown optimizer 'adamx'; available: [plain_sgd].");
    assertThatThrownBy(() -> plugins.loss("mse"))
        .hasMessage("Unknown loss 'mse'; available: [].");
    assertThatThrownBy(() -> plugins.plugin("scheduler", "x"))
        .hasMessage("Unknown plugin kind 'scheduler'; available: [activation, initializer, loss, optimizer].");
  }

  @Test
  void a_name_provided_twice_names_both_classes_and_where_they_came_from() {
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.PlainSgd(), new TestPlugins.AnotherPlainSgd())))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Optimizer name 'plain_sgd' is provided twice: dev.retrograd.api.TestPlugins$PlainSgd (")
        .hasMessageContaining(" and dev.retrograd.api.TestPlugins$AnotherPlainSgd (")
        .hasMessageEndingWith("). Remove one of the jars, or rename one plugin.");
  }

  @Test
  void a_name_provided_three_times_names_all_three_classes() {
    List<Plugin<?>> three = List.of(new TestPlugins.PlainSgd(), new TestPlugins.AnotherPlainSgd(), new TestPlugins.PlainSgd());

    assertThatThrownBy(() -> Plugins.of(three))
        .hasMessageStartingWith("Optimizer name 'plain_sgd' is provided 3 times: dev.retrograd.api.TestPlugins$PlainSgd (")
        .hasMessageContaining("), dev.retrograd.api.TestPlugins$AnotherPlainSgd (")
        .hasMessageContaining(") and dev.retrograd.api.TestPlugins$PlainSgd (")
        .hasMessageEndingWith("). Keep one of the jars, or rename the plugins.");
  }

  @Test
  void a_plugin_with_an_empty_name_is_rejected() {
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.Shaped(""))))
        .hasMessageStartingWith("Plugin dev.retrograd.api.TestPlugins$Shaped (")
        .hasMessageEndingWith(") cannot be registered: its name is empty. Fix the plugin or remove its jar.");
  }

  @Test
  void a_plugin_without_a_name_is_rejected_by_the_shape_check() {
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.Shaped(null))))
        .isInstanceOf(PluginException.class)
        .hasMessageEndingWith(") cannot be registered: its name is empty. Fix the plugin or remove its jar.");
  }

  @Test
  void a_plugin_with_a_name_not_in_snake_case_is_rejected() {
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.Shaped("MeanSquared"))))
        .hasMessageContaining("cannot be registered: its name 'MeanSquared' is not lower_snake_case.");
  }

  @Test
  void a_plugin_declaring_a_hyperparameter_twice_is_rejected() {
    Hyperparameter delta = Hyperparameter.real("delta", 1, "threshold");
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.Shaped("huber", delta, delta))))
        .hasMessageContaining("cannot be registered: 'huber' declares hyperparameter 'delta' twice.");
  }

  @Test
  void a_plugin_whose_default_is_out_of_its_own_range_is_rejected() {
    Hyperparameter beta = Hyperparameter.real("beta", 1.5, "decay").atLeast(0).below(1);
    assertThatThrownBy(() -> Plugins.of(List.of(new TestPlugins.Shaped("odd", beta))))
        .hasMessageContaining("cannot be registered: 'odd' gives beta the default 1.5, outside its range in [0, 1).");
  }

  @Test
  void a_plugin_whose_hyperparameters_cannot_be_listed_is_rejected_with_the_reason() {
    LossPlugin mistyped = new LossPlugin() {
      @Override
      public String name() {
        return "mistyped";
      }

      @Override
      public String description() {
        return "declares lr with an Integer default";
      }

      @Override
      public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("lr", Hyperparameter.Type.REAL, 1, "learning rate",
            Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false));
      }

      @Override
      public Loss create(Hyperparameters hyperparameters) {
        throw new AssertionError("never created");
      }
    };
    assertThatThrownBy(() -> Plugins.of(List.of(mistyped)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(") cannot be registered: 'mistyped' cannot list its hyperparameters: Hyperparameter 'lr'"
            + " has type real, but its default 1 is of type Integer, not Double; declare it with"
            + " Hyperparameter.real(name, default, meaning). Fix the plugin or remove its jar.");
  }

  @Test
  void a_plugin_rejecting_its_values_is_reported_as_a_plugin_error() {
    Plugins withLoss = Plugins.of(List.of(new TestPlugins.Shaped("shaped")));
    assertThatThrownBy(() -> withLoss.loss("shaped"))
        .isInstanceOf(PluginException.class)
        .hasMessage("shaped: never created");
  }

  @Test
  void a_plugin_module_binds_plugins_into_the_same_maps() throws IOException {
    Plugins withModule = Plugins.load(loaderListingModule(TestModules.BindsPlainSgdAndIdentity.class));

    assertThat(withModule.optimizers()).extracting(Plugin::name).containsExactly("plain_sgd");
    assertThat(withModule.activation("identity").apply(2.0)).isEqualTo(2.0);
  }

  @Test
  void a_name_bound_by_a_module_and_found_by_service_loader_names_both_classes() throws IOException {
    listService(OptimizerPlugin.class, TestPlugins.AnotherPlainSgd.class.getName());
    ClassLoader loader = loaderListingModule(TestModules.BindsPlainSgdAndIdentity.class);

    assertThatThrownBy(() -> Plugins.load(loader))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Optimizer name 'plain_sgd' is provided twice: dev.retrograd.api.TestPlugins$AnotherPlainSgd (")
        .hasMessageContaining(" and dev.retrograd.api.TestPlugins$PlainSgd (")
        .hasMessageEndingWith("). Remove one of the jars, or rename one plugin.");
  }

  @Test
  void a_plugin_bound_under_another_name_than_its_own_is_rejected() throws IOException {
    assertThatThrownBy(() -> Plugins.load(loaderListingModule(TestModules.BindsUnderAnotherName.class)))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Optimizer dev.retrograd.api.TestPlugins$PlainSgd (")
        .hasMessageEndingWith(") is bound as 'sgd' but is named 'plain_sgd'. Bind it under its name.");
  }

  @Test
  void a_module_binding_a_class_guice_cannot_construct_is_reported_with_the_reason() throws IOException {
    assertThatThrownBy(() -> Plugins.load(loaderListingModule(TestModules.BindsAnUnconstructibleClass.class)))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Some plugin modules' bindings could not be used:\n"
            + "  No injectable constructor for type dev.retrograd.api.TestPlugins$Shaped"
            + " (bound at dev.retrograd.registry.TestModules$BindsAnUnconstructibleClass.configure(TestModules.java:")
        .hasMessageEndingWith("))\nFix or remove the jars that hold them.");
  }

  @Test
  void a_plugin_bound_by_a_module_that_fails_to_construct_is_reported_with_its_cause() throws IOException {
    assertThatThrownBy(() -> Plugins.load(loaderListingModule(TestModules.BindsAClassThatFailsToConstruct.class)))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Some plugin modules' bindings could not be used:\n"
            + "  dev.retrograd.registry.TestModules$Unlicensed (")
        .hasMessageEndingWith(") could not be constructed: java.lang.IllegalStateException: no licence key\n"
            + "Fix or remove the jars that hold them.");
  }

  @Test
  void a_plugin_module_that_cannot_be_loaded_is_reported_with_the_plugins_that_cannot() throws IOException {
    listService(PluginModule.class, "com.example.MissingModule");
    listService(OptimizerPlugin.class, "com.example.MissingOptimizer");

    assertThatThrownBy(() -> Plugins.load(loaderWithServices()))
        .isInstanceOf(PluginException.class)
        .hasMessage("""
            Some plugins could not be loaded:
              dev.retrograd.api.OptimizerPlugin: Provider com.example.MissingOptimizer not found
              dev.retrograd.registry.PluginModule: Provider com.example.MissingModule not found
            Fix or remove the jars that hold them.""");
  }

  /** Lists {@code provider} in a {@code META-INF/services} file under {@link #dir}. */
  private void listService(Class<?> service, String provider) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(service.getName()), provider + "\n");
  }

  /** Returns a class loader that sees the test classes plus the services files under {@link #dir}. */
  private ClassLoader loaderWithServices() throws IOException {
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  private ClassLoader loaderListingModule(Class<? extends PluginModule> module) throws IOException {
    listService(PluginModule.class, module.getName());
    return loaderWithServices();
  }

  @Test
  void describe_lists_every_plugin_with_its_hyperparameters() {
    assertThat(plugins.describe()).isEqualTo("""
        Optimizers (1)
          plain_sgd              theta <- theta - lr * g
              lr=0.1 (real, >= 0): learning rate
              beta=0.9 (real, in [0, 1)): a decay
              warmup=0 (integer, >= 0): steps of warm-up
              nesterov=false (flag): a flag
        Activations (1)
          identity               f(x) = x
        Losses (0)
        Initializers (0)
        """);
  }
}
