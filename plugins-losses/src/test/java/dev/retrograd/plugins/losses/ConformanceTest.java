package dev.retrograd.plugins.losses;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.testkit.PluginConformance;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in loss passes the conformance kit that plugin authors use. */
class ConformanceTest {

  static Stream<Named<LossPlugin>> losses() {
    return ServiceLoader.load(LossPlugin.class).stream()
        .map(provider -> Named.of(provider.get().name(), provider.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void passes_the_conformance_kit(LossPlugin loss) {
    PluginConformance.check(loss);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void passes_the_conformance_kit_with_non_default_settings(LossPlugin loss) {
    String settings = switch (loss.name()) {
      case "huber" -> "delta=0.5";
      case "smooth_l1" -> "beta=2";
      case "cross_entropy" -> "label_smoothing=0.1";
      case "hinge" -> "margin=0.5";
      default -> "";
    };
    PluginConformance.check(loss, Hyperparameters.parse(settings));
  }
}
