package dev.retrograd.plugins.optimizers;

import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.testkit.PluginConformance;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in optimizer passes the conformance kit that plugin authors use. */
class ConformanceTest {

  static Stream<Named<OptimizerPlugin>> optimizers() {
    return ServiceLoader.load(OptimizerPlugin.class).stream()
        .map(provider -> Named.of(provider.get().name(), provider.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void passes_the_conformance_kit(OptimizerPlugin optimizer) {
    PluginConformance.check(optimizer);
  }
}
