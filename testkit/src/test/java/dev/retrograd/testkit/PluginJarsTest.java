package dev.retrograd.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import dev.retrograd.registry.PluginModule;
import dev.retrograd.registry.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading plugins from jars built at test time, through ServiceLoader and the registry's jar path. */
class PluginJarsTest {

  @TempDir
  Path dir;

  private static String optimizer(String pkg, String className, String name, String constructorBody) {
    return """
        package %s;

        import dev.retrograd.api.*;

        public final class %s implements OptimizerPlugin {
          public %s() { %s }
          public String name() { return "%s"; }
          public String description() { return "does nothing"; }
          public Optimizer create(Hyperparameters hp) {
            return new ElementwiseOptimizer(0.1) {
              protected void update(Element e) {}
            };
          }
        }
        """.formatted(pkg, className, className, constructorBody, name);
  }

  private Path jar(String file, String pkg, String className, String name, String constructorBody) throws IOException {
    return new PluginJar()
        .source(pkg + "." + className, optimizer(pkg, className, name, constructorBody))
        .service(OptimizerPlugin.class, pkg + "." + className)
        .writeTo(dir.resolve(file));
  }

  @Test
  void a_plugin_jar_is_found_without_rebuilding() throws IOException {
    Path jar = jar("still.jar", "com.example", "Still", "still", "");

    Plugins plugins = Plugins.load(List.of(jar));

    assertThat(plugins.optimizers()).extracting(Plugin::name).containsExactly("still");
    assertThat(plugins.optimizer("still").learningRate()).isEqualTo(0.1);
  }

  @Test
  void a_folder_of_jars_is_searched() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar().source("com.a.First", optimizer("com.a", "First", "first", ""))
        .service(OptimizerPlugin.class, "com.a.First").writeTo(folder.resolve("first.jar"));
    new PluginJar().source("com.b.Second", optimizer("com.b", "Second", "second", ""))
        .service(OptimizerPlugin.class, "com.b.Second").writeTo(folder.resolve("second.jar"));

    assertThat(Plugins.load(List.of(folder)).optimizers()).extracting(Plugin::name).containsExactly("first", "second");
  }

  @Test
  void a_name_provided_by_two_jars_names_both_classes_and_jars() throws IOException {
    Path a = jar("a.jar", "com.a", "Adam", "adam", "");
    Path b = jar("b.jar", "com.b", "Adam", "adam", "");

    assertThatThrownBy(() -> Plugins.load(List.of(a, b)))
        .isInstanceOf(PluginException.class)
        .hasMessage("Optimizer name 'adam' is provided twice: com.a.Adam (a.jar) and com.b.Adam (b.jar)."
            + " Remove one of the jars, or rename one plugin.");
  }

  @Test
  void a_plugin_that_fails_to_construct_is_named_with_its_cause_and_does_not_hide_others() throws IOException {
    Path broken = jar("broken.jar", "com.example", "Broken", "broken",
        "throw new IllegalStateException(\"no licence key\");");
    Path missing = new PluginJar().service(OptimizerPlugin.class, "com.example.Missing")
        .writeTo(dir.resolve("missing.jar"));

    assertThatThrownBy(() -> Plugins.load(List.of(broken, missing)))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Some plugins could not be loaded:\n")
        .hasMessageContaining("Provider com.example.Broken could not be instantiated: "
            + "java.lang.IllegalStateException: no licence key")
        .hasMessageContaining("Provider com.example.Missing not found")
        .hasMessageEndingWith("\nFix or remove the jars that hold them.");
  }

  /** A jar whose module binds one optimizer class under two names, with two learning rates. */
  private Path scaledSgdJar(String file, String slowName) throws IOException {
    String plugin = """
        package com.example;

        import dev.retrograd.api.*;

        public final class ScaledSgd implements OptimizerPlugin {
          private final String name;
          private final double lr;
          public ScaledSgd(String name, double lr) { this.name = name; this.lr = lr; }
          public String name() { return name; }
          public String description() { return "sgd at lr " + lr; }
          public Optimizer create(Hyperparameters hp) {
            return new ElementwiseOptimizer(lr) {
              protected void update(Element e) { e.set(e.value() - learningRate() * e.gradient()); }
            };
          }
        }
        """;
    String module = """
        package com.example;

        public final class ScaledSgdModule extends dev.retrograd.registry.PluginModule {
          @Override
          protected void configure() {
            optimizers().addBinding("%s").toInstance(new ScaledSgd("%s", 0.001));
            optimizers().addBinding("fast_sgd").toInstance(new ScaledSgd("fast_sgd", 1.0));
          }
        }
        """.formatted(slowName, slowName);
    return new PluginJar()
        .source("com.example.ScaledSgd", plugin)
        .source("com.example.ScaledSgdModule", module)
        .service(PluginModule.class, "com.example.ScaledSgdModule")
        .writeTo(dir.resolve(file));
  }

  @Test
  void a_plugin_jar_may_bind_its_plugins_with_a_guice_module() throws IOException {
    Plugins plugins = Plugins.load(List.of(scaledSgdJar("scaled.jar", "slow_sgd")));

    assertThat(plugins.optimizers()).extracting(Plugin::name).containsExactly("fast_sgd", "slow_sgd");
    assertThat(plugins.optimizer("slow_sgd").learningRate()).isEqualTo(0.001);
    assertThat(plugins.optimizer("fast_sgd").learningRate()).isEqualTo(1.0);
  }

  @Test
  void a_name_found_in_one_jar_and_bound_by_another_jars_module_names_both() throws IOException {
    Path a = jar("a.jar", "com.a", "Adam", "adam", "");
    Path b = scaledSgdJar("b.jar", "adam");

    assertThatThrownBy(() -> Plugins.load(List.of(a, b)))
        .isInstanceOf(PluginException.class)
        .hasMessage("Optimizer name 'adam' is provided twice: com.a.Adam (a.jar) and com.example.ScaledSgd (b.jar)."
            + " Remove one of the jars, or rename one plugin.");
  }

  @Test
  void a_path_that_is_not_a_jar_is_refused() {
    Path nowhere = dir.resolve("nowhere.jar");
    assertThatThrownBy(() -> Plugins.load(List.of(nowhere)))
        .isInstanceOf(PluginException.class)
        .hasMessage("Plugin path " + nowhere + " is neither a .jar file nor a folder (it does not exist);"
            + " give jar files or folders of jars.");
  }
}
