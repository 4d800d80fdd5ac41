package dev.retrograd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.ValueParameters;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Moons;
import dev.retrograd.nn.Mlp;
import dev.retrograd.registry.PluginModule;
import dev.retrograd.registry.Plugins;
import dev.retrograd.testkit.PluginConformance;
import dev.retrograd.testkit.PluginJar;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's custom optimizer, built into a jar from the README's own text, loaded and used. */
class CustomOptimizerTest {

  @TempDir
  Path dir;

  private Plugins loadReadmeOptimizerJar() throws Exception {
    String serviceLine = ReadmeSnippet.named("sign-descent-service").code().trim();
    Path jar = new PluginJar()
        .source(serviceLine, ReadmeSnippet.named("sign-descent").code())
        .service(OptimizerPlugin.class, serviceLine)
        .writeTo(dir.resolve("sign-descent.jar"));
    return Plugins.load(List.of(jar));
  }

  @Test
  void readme_optimizer_loads_from_its_jar_next_to_the_built_ins() throws Exception {
    Plugins plugins = loadReadmeOptimizerJar();

    assertThat(plugins.optimizers()).extracting(Plugin::name)
        .contains("sign_descent", "sgd", "adam", "adamw", "lion");
    assertThat(plugins.optimizer("sign_descent", Hyperparameters.parse("lr=0.05")).learningRate()).isEqualTo(0.05);
  }

  @Test
  void readme_optimizer_trains_a_network_a_few_steps() throws Exception {
    Optimizer optimizer = loadReadmeOptimizerJar().optimizer("sign_descent", Hyperparameters.parse("lr=0.01"));
    Dataset data = Moons.generate(40, 0.1, 5);
    Mlp model = new Mlp(2, new int[] {8, 1}, new dev.retrograd.api.Activation() {
      public double apply(double x) {
        return Math.tanh(x);
      }

      public double derivative(double x, double y) {
        return 1 - y * y;
      }
    }, new SplittableRandom(5));
    ValueParameters parameters = ValueParameters.of(model.parameters());

    double first = 0;
    double last = 0;
    for (int step = 0; step < 20; step++) {
      Value[] losses = new Value[data.size()];
      for (int i = 0; i < data.size(); i++) {
        double[] x = data.features()[i];
        double y = data.labels()[i] * 2 - 1;
        losses[i] = model.call(Value.of(x[0]), Value.of(x[1]))[0].mul(-y).add(1).relu();
      }
      Value loss = Value.sum(losses).div(data.size());
      model.zeroGrad();
      loss.backward();
      optimizer.step(parameters);
      first = step == 0 ? loss.data() : first;
      last = loss.data();
    }
    assertThat(last).isLessThan(first);
  }

  @Test
  void readme_module_binds_the_optimizer_from_its_jar() throws Exception {
    Path jar = new PluginJar()
        .source("com.example.SignDescent", ReadmeSnippet.named("sign-descent").code())
        .source("com.example.SignDescentModule", ReadmeSnippet.named("sign-descent-module").code())
        .service(PluginModule.class, "com.example.SignDescentModule")
        .writeTo(dir.resolve("sign-descent-module.jar"));

    Plugins plugins = Plugins.load(List.of(jar));

    assertThat(plugins.optimizers()).extracting(Plugin::name).contains("sign_descent", "adam");
    assertThat(plugins.optimizer("sign_descent").learningRate()).isEqualTo(0.01);
  }

  @Test
  void readme_optimizer_passes_the_conformance_kit() throws Exception {
    Plugin<?> plugin = loadReadmeOptimizerJar().plugin("optimizer", "sign_descent");
    PluginConformance.check(plugin);
  }
}
