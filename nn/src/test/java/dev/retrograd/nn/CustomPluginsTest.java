package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Initializer;
import dev.retrograd.autograd.Value;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CustomPluginsTest {

  /** f(x) = x², registered nowhere. */
  private static final Activation SQUARE = new Activation() {
    @Override
    public double apply(double x) {
      return x * x;
    }

    @Override
    public double derivative(double x, double y) {
      return 2 * x;
    }
  };

  /** weight[o][i] = 10·o + i, registered nowhere. */
  private static final Initializer INDEXED = (weights, fanIn, fanOut, random) -> {
    for (int k = 0; k < weights.length; k++) {
      weights[k] = 10 * (k / fanIn) + k % fanIn;
    }
  };

  private static final MlpSpec SPEC = MlpSpec.of(2, new int[] {2}, 1, "relu", "he_normal")
      .withActivation("square", SQUARE)
      .withInitializer("indexed_weights", INDEXED);

  @Test
  void a_spec_holding_instances_builds_its_network_without_asking_any_catalog() {
    Mlp model = Mlp.of(SPEC, new NoPlugins(), new SplittableRandom(1));

    Value output = model.forward(new double[][] {{1, 2}})[0][0];

    // hidden: (0·1 + 1·2)² = 4 and (10·1 + 11·2)² = 1024; output: 0·4 + 1·1024
    assertThat(output.data()).isEqualTo(1024.0);
    assertThat(model.architecture()).isEqualTo("2 -> 2 square indexed_weights -> 1 identity indexed_weights");
  }

  @Test
  void the_backward_pass_uses_the_instance_derivative() {
    Mlp model = Mlp.of(SPEC, new NoPlugins(), new SplittableRandom(1));

    model.forward(new double[][] {{1, 2}})[0][0].backward();

    // d out / d layer1.weight[1][0] = w2[0][1] · f'(32) · x0 = 1 · 64 · 1
    assertThat(model.namedParameters()).filteredOn(p -> p.name().equals("layer1.weight[1][0]"))
        .singleElement().satisfies(p -> assertThat(p.value().grad()).isEqualTo(64.0));
  }
}
