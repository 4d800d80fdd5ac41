package dev.retrograd.plugins.activations;

import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.testkit.PluginConformance;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in activation passes the conformance kit that plugin authors use. */
class ConformanceTest {

  static Stream<Named<ActivationPlugin>> activations() {
    return ServiceLoader.load(ActivationPlugin.class).stream()
        .map(provider -> Named.of(provider.get().name(), provider.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void passes_the_conformance_kit(ActivationPlugin activation) {
    PluginConformance.check(activation);
  }
}
