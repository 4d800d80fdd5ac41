package dev.retrograd.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Parameters;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The kit passes sound plugins and catches each kind of broken one, saying which check and why. */
class PluginConformanceTest {

  private static ActivationPlugin activation(String name, Activation activation) {
    return new ActivationPlugin() {
      public String name() {
        return name;
      }

      public String description() {
        return "test activation";
      }

      public Activation create(Hyperparameters hp) {
        return activation;
      }
    };
  }

  private static OptimizerPlugin optimizer(String name, Function<Hyperparameters, Optimizer> factory) {
    return new OptimizerPlugin() {
      public String name() {
        return name;
      }

      public String description() {
        return "test optimizer";
      }

      public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.real("lr", 0.1, "learning rate").atLeast(0),
            Hyperparameter.real("weight_decay", 0.01, "decoupled decay").atLeast(0));
      }

      public Optimizer create(Hyperparameters hp) {
        return factory.apply(hp);
      }
    };
  }

  /** θ ← θ(1 − lr·wd) − lr·g. */
  private static Optimizer decayingSgd(Hyperparameters hp) {
    double decay = hp.real("weight_decay");
    return new ElementwiseOptimizer(hp.real("lr")) {
      protected void update(Element e) {
        e.set(e.value() * (1 - learningRate() * decay) - learningRate() * e.gradient());
      }
    };
  }

  /** Momentum SGD; with {@code exportsState} false it hides its buffer from state(). */
  private static Optimizer momentum(double lr, boolean exportsState) {
    ElementwiseOptimizer inner = new ElementwiseOptimizer(lr, "momentum_buffer") {
      protected void update(Element e) {
        double buffer = 0.9 * e.buffer(0) + e.gradient();
        e.setBuffer(0, buffer);
        e.set(e.value() - learningRate() * buffer);
      }
    };
    if (exportsState) {
      return inner;
    }
    return new Optimizer() {
      public void step(Parameters parameters) {
        inner.step(parameters);
      }

      public double learningRate() {
        return inner.learningRate();
      }

      public void setLearningRate(double learningRate) {
        inner.setLearningRate(learningRate);
      }

      public Map<String, double[]> state() {
        return Map.of();
      }

      public void loadState(Map<String, double[]> state) {}
    };
  }

  @Test
  void a_sound_optimizer_passes_with_its_decay_turned_off_for_the_zero_gradient_check() {
    assertThatCode(() -> PluginConformance.check(optimizer("decaying_sgd", PluginConformanceTest::decayingSgd)))
        .doesNotThrowAnyException();
  }

  @Test
  void an_optimizer_that_climbs_fails_the_quadratic_check() {
    OptimizerPlugin ascent = optimizer("ascent", hp -> new ElementwiseOptimizer(hp.real("lr")) {
      protected void update(Element e) {
        e.set(e.value() + learningRate() * e.gradient());
      }
    });
    assertThatThrownBy(() -> PluginConformance.check(ascent))
        .isInstanceOf(ConformanceFailure.class)
        .hasMessageStartingWith("Optimizer 'ascent' fails 'decreases a convex quadratic': f went from 1.265375 to ");
  }

  @Test
  void an_optimizer_that_moves_parameters_without_gradient_fails() {
    OptimizerPlugin drifting = optimizer("drifting", hp -> new ElementwiseOptimizer(hp.real("lr")) {
      protected void update(Element e) {
        e.set(e.value() - learningRate() * (e.gradient() + 1e-3 * Math.signum(e.gradient() - 1e-9)));
      }
    });
    assertThatThrownBy(() -> PluginConformance.check(drifting))
        .hasMessageStartingWith("Optimizer 'drifting' fails 'leaves a parameter with zero gradient alone': it moved from 0.75 to ");
  }

  @Test
  void an_optimizer_that_loses_its_state_fails_the_restore_check() {
    assertThatThrownBy(() -> PluginConformance.check(optimizer("forgetful", hp -> momentum(0.01, false))))
        .hasMessageStartingWith("Optimizer 'forgetful' fails 'continues exactly after its state is restored':"
            + " after 5 + 5 steps the parameters are [");
    assertThatCode(() -> PluginConformance.check(optimizer("momentum", hp -> momentum(0.01, true))))
        .doesNotThrowAnyException();
  }

  @Test
  void an_activation_with_a_wrong_derivative_fails_and_shows_the_numbers() {
    Activation halfSlope = new Activation() {
      public double apply(double x) {
        return 3 * x;
      }

      public double derivative(double x, double y) {
        return 1.5;
      }
    };
    assertThatThrownBy(() -> PluginConformance.check(activation("triple", halfSlope)))
        .isInstanceOf(ConformanceFailure.class)
        .hasMessageStartingWith("Activation 'triple' fails 'derivative matches central differences': ")
        .hasMessageContaining("first x = -1000.0: analytic 1.5, numeric 3.0");
  }

  @Test
  void an_activation_that_overflows_to_nan_at_large_inputs_fails() {
    Activation naiveSilu = new Activation() {
      public double apply(double x) {
        return x * Math.exp(x) / (1 + Math.exp(x));
      }

      public double derivative(double x, double y) {
        return 0;
      }
    };
    assertThatThrownBy(() -> PluginConformance.check(activation("naive_silu", naiveSilu)))
        .hasMessage("Activation 'naive_silu' fails 'is defined on finite inputs': apply(1000.0) is NaN");
  }

  @Test
  void a_loss_with_a_wrong_gradient_fails() {
    LossPlugin plugin = new LossPlugin() {
      public String name() {
        return "sloppy_mse";
      }

      public String description() {
        return "mse without the factor 2 in its gradient";
      }

      public Loss create(Hyperparameters hp) {
        return new Loss() {
          public double value(double[] p, double[] t) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
              sum += (p[i] - t[i]) * (p[i] - t[i]);
            }
            return sum / p.length;
          }

          public void gradient(double[] p, double[] t, double[] out) {
            for (int i = 0; i < p.length; i++) {
              out[i] = (p[i] - t[i]) / p.length;
            }
          }
        };
      }
    };
    assertThatThrownBy(() -> PluginConformance.check(plugin))
        .hasMessageStartingWith("Loss 'sloppy_mse' fails 'gradient matches central differences': on regression prediction [");
  }

  private static InitializerPlugin initializer(String name, Initializer initializer) {
    return new InitializerPlugin() {
      public String name() {
        return name;
      }

      public String description() {
        return "test initializer";
      }

      public Initializer create(Hyperparameters hp) {
        return initializer;
      }
    };
  }

  @Test
  void an_initializer_that_ignores_the_seed_fails() {
    Random own = new Random();
    InitializerPlugin plugin = initializer("unseeded", (w, fanIn, fanOut, random) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] = own.nextGaussian();
      }
    });
    assertThatThrownBy(() -> PluginConformance.check(plugin))
        .hasMessage("Initializer 'unseeded' fails 'gives the same weights for the same seed': two fills from seed 7 differ");
  }

  @Test
  void an_initializer_is_checked_against_its_formula() {
    InitializerPlugin uniform = initializer("unit_uniform", (w, fanIn, fanOut, random) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextDouble(-1, 1);
      }
    });
    assertThatCode(() -> PluginConformance.checkInitializer(uniform, Hyperparameters.empty(),
        (fanIn, fanOut) -> Moments.uniform(-1, 1))).doesNotThrowAnyException();
    assertThatThrownBy(() -> PluginConformance.checkInitializer(uniform, Hyperparameters.empty(),
        (fanIn, fanOut) -> Moments.uniform(-0.5, 0.5)))
        .hasMessageStartingWith("Initializer 'unit_uniform' fails 'has the formula's variance': variance 0.33");
  }
}
