package dev.retrograd.plugins.initializers;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.testkit.Moments;
import dev.retrograd.testkit.PluginConformance;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in initializer passes the conformance kit, with the moments of its torch.nn.init formula. */
class ConformanceTest {

  /** The moments each formula gives for default hyperparameters, written from torch.nn.init. */
  private static final Map<String, Moments.Formula> FORMULAS = Map.ofEntries(
      Map.entry("zeros", (in, out) -> Moments.constant(0)),
      Map.entry("constant", (in, out) -> Moments.constant(0)),
      Map.entry("uniform", (in, out) -> Moments.uniform(-1, 1)),
      Map.entry("normal", (in, out) -> Moments.normal(0, 1)),
      Map.entry("xavier_uniform", (in, out) -> symmetricUniform(Math.sqrt(6.0 / (in + out)))),
      Map.entry("xavier_normal", (in, out) -> Moments.normal(0, Math.sqrt(2.0 / (in + out)))),
      Map.entry("he_uniform", (in, out) -> symmetricUniform(Math.sqrt(2.0) * Math.sqrt(3.0 / in))),
      Map.entry("he_normal", (in, out) -> Moments.normal(0, Math.sqrt(2.0) / Math.sqrt(in))),
      Map.entry("lecun_uniform", (in, out) -> symmetricUniform(Math.sqrt(3.0 / in))),
      Map.entry("lecun_normal", (in, out) -> Moments.normal(0, Math.sqrt(1.0 / in))),
      // Orthonormal rows (or columns) of length 1: Σw² = min(in, out), so E[w²] = 1 / max(in, out).
      Map.entry("orthogonal", (in, out) -> new Moments(0, 1.0 / Math.max(in, out), -1, 1)));

  private static Moments symmetricUniform(double bound) {
    return Moments.uniform(-bound, bound);
  }

  static Stream<Named<InitializerPlugin>> initializers() {
    return ServiceLoader.load(InitializerPlugin.class).stream()
        .map(provider -> Named.of(provider.get().name(), provider.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initializers")
  void passes_the_conformance_kit_with_its_formula(InitializerPlugin initializer) {
    PluginConformance.check(initializer);
    PluginConformance.checkInitializer(initializer, Hyperparameters.empty(), FORMULAS.get(initializer.name()));
  }
}
