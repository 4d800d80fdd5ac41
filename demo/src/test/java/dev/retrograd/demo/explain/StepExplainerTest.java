package dev.retrograd.demo.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.autograd.graph.GraphNode.ValueNode;
import dev.retrograd.demo.explain.ExplainedStep.LayerBackward;
import dev.retrograd.demo.explain.ExplainedStep.NeuronBackward;
import dev.retrograd.demo.explain.ExplainedStep.NeuronForward;
import dev.retrograd.demo.explain.ExplainedStep.ParameterGradient;
import dev.retrograd.demo.explain.ExplainedStep.ParameterUpdate;
import dev.retrograd.registry.Plugins;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepExplainerTest {

  private static final Plugins PLUGINS = Plugins.load();

  static ExplainedStep defaultStep() {
    return new StepExplainer(PLUGINS).explain(StepSetup.defaults());
  }

  private static Map<String, ParameterGradient> gradientsByName(ExplainedStep step) {
    Map<String, ParameterGradient> byName = new HashMap<>();
    step.backward().forEach(layer -> layer.neurons().forEach(neuron -> neuron.parameters().forEach(
        parameter -> byName.put(parameter.name(), parameter))));
    return byName;
  }

  /**
   * The 2-2-1 step done again by hand in plain doubles from the weights the forward phase recorded:
   * h = tanh(W1·x + b1), y = W2·h + b2, L = (y − t)², then backpropagation written out.
   */
  @Test
  void the_default_step_matches_backpropagation_written_out_in_doubles() {
    ExplainedStep step = defaultStep();
    List<NeuronForward> forward = step.forward();
    double[] x = {0.5, -1.0};
    double t = 1.0;
    double[] h = new double[2];
    for (int k = 0; k < 2; k++) {
      NeuronForward neuron = forward.get(k);
      h[k] = Math.tanh(neuron.weights()[0] * x[0] + neuron.weights()[1] * x[1] + neuron.bias());
    }
    NeuronForward out = forward.get(2);
    double y = out.weights()[0] * h[0] + out.weights()[1] * h[1] + out.bias();
    double dLdy = 2 * (y - t);
    Map<String, Double> expected = new HashMap<>();
    expected.put("layer2.weight[0][0]", dLdy * h[0]);
    expected.put("layer2.weight[0][1]", dLdy * h[1]);
    expected.put("layer2.bias[0]", dLdy);
    for (int k = 0; k < 2; k++) {
      double ds = dLdy * out.weights()[k] * (1 - h[k] * h[k]);
      expected.put("layer1.weight[" + k + "][0]", ds * x[0]);
      expected.put("layer1.weight[" + k + "][1]", ds * x[1]);
      expected.put("layer1.bias[" + k + "]", ds);
    }

    assertThat(step.loss().value()).isCloseTo((y - t) * (y - t), within(1e-15));
    Map<String, ParameterGradient> gradients = gradientsByName(step);
    assertThat(gradients).hasSize(9).containsOnlyKeys(expected.keySet());
    expected.forEach((name, gradient) -> {
      assertThat(gradients.get(name).product()).as(name).isCloseTo(gradient, within(1e-14));
      assertThat(gradients.get(name).engine()).as(name).isCloseTo(gradient, within(1e-14));
      assertThat(gradients.get(name).centralDifference()).as(name).isCloseTo(gradient, within(1e-8));
      assertThat(gradients.get(name).agrees()).as(name).isTrue();
    });
  }

  static Stream<Arguments> setups() {
    return Stream.of(
        Arguments.of("defaults", StepSetup.defaults()),
        Arguments.of("3-2 relu, l1, adam", new StepSetup(new int[] {3, 2}, "relu", "identity", "he_normal", 3, "l1",
            "adam", Hyperparameters.parse("lr=0.01"), new double[] {0.3, -0.8, 1.5}, new double[] {0.2, -0.4})),
        Arguments.of("sigmoid, cross entropy", new StepSetup(new int[] {4}, "sigmoid", "identity", "xavier_normal", 11,
            "cross_entropy", "sgd", Hyperparameters.parse("lr=0.5,momentum=0.9"), new double[] {1.0, 2.0},
            new double[] {0.0, 1.0, 0.0})),
        Arguments.of("gelu, huber, tanh output", new StepSetup(new int[] {2, 2}, "gelu", "tanh", "uniform", 5, "huber",
            "rmsprop", Hyperparameters.parse("lr=0.01"), new double[] {-0.5}, new double[] {0.25})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void every_product_agrees_with_the_engine_and_a_central_difference(String name, StepSetup setup) {
    ExplainedStep step = new StepExplainer(PLUGINS).explain(setup);

    List<ParameterGradient> gradients = step.backward().stream().flatMap(layer -> layer.neurons().stream())
        .flatMap(neuron -> neuron.parameters().stream()).toList();
    assertThat(gradients).hasSize(step.updates().size()).allSatisfy(gradient -> {
      assertThat(gradient.product()).as(gradient.name()).isCloseTo(gradient.lossGradient() * gradient.localGradient(),
          within(0.0));
      assertThat(gradient.agrees()).as(gradient + " agrees").isTrue();
    });
    for (LayerBackward layer : step.backward()) {
      for (NeuronBackward neuron : layer.neurons()) {
        assertThat(neuron.lossGradient()).as("dL/dy of layer %d neuron %d", layer.layer(), neuron.neuron())
            .isCloseTo(neuron.engineGradient(), within(1e-12 * Math.max(1, Math.abs(neuron.engineGradient()))));
      }
    }
    for (NeuronForward neuron : step.forward()) {
      assertThat(neuron.activationAtSum()).isCloseTo(neuron.output(), within(1e-12));
    }
  }

  @Test
  void the_chain_runs_from_the_output_layer_back_and_sums_over_the_next_layer() {
    ExplainedStep step = new StepExplainer(PLUGINS).explain(new StepSetup(new int[] {3}, "tanh", "identity",
        "xavier_uniform", 1, "mse", "sgd", Hyperparameters.parse("lr=0.1"), new double[] {1, 2},
        new double[] {0.5, -0.5}));

    assertThat(step.backward()).extracting(LayerBackward::layer, LayerBackward::output)
        .containsExactly(tuple(2, true), tuple(1, false));
    NeuronBackward hidden = step.backward().get(1).neurons().get(2);
    assertThat(hidden.terms()).hasSize(2);
    double sum = hidden.terms().stream().mapToDouble(term -> term[0] * term[1] * term[2]).sum();
    assertThat(hidden.lossGradient()).isCloseTo(sum, within(1e-15));
    // the output layer's dL/dy is the mse gradient 2(y − t)/n, n = 2 outputs
    NeuronBackward output = step.backward().get(0).neurons().get(1);
    double y = step.loss().prediction()[1];
    assertThat(output.lossGradient()).isCloseTo(2 * (y + 0.5) / 2, within(1e-15));
  }

  @Test
  void the_graph_shows_the_engines_numbers_before_the_update() {
    ExplainedStep step = defaultStep();

    Map<String, ValueNode> nodes = new HashMap<>();
    step.graph().valueNodes().forEach(node -> nodes.put(node.name(), node));
    for (ParameterUpdate update : step.updates()) {
      assertThat(nodes.get(update.name()).data()).as(update.name()).isEqualTo(update.before());
      assertThat(nodes.get(update.name()).grad()).as(update.name()).isEqualTo(update.gradient());
    }
    Map<String, ParameterGradient> gradients = gradientsByName(step);
    gradients.forEach((name, gradient) -> assertThat(nodes.get(name).grad()).isEqualTo(gradient.engine()));
    assertThat(nodes.get("layer1.y[1]").grad()).isEqualTo(step.backward().get(1).neurons().get(1).engineGradient());
    assertThat(nodes.get("L").data()).isEqualTo(step.loss().value());
    assertThat(nodes.get("L").grad()).isEqualTo(1.0);
    assertThat(nodes).containsKeys("x[0]", "x[1]", "layer1.y[0]", "layer2.y[0]");
  }

  @Test
  void sgd_moves_every_parameter_against_its_gradient_and_lowers_the_loss() {
    ExplainedStep step = defaultStep();

    assertThat(step.learningRate()).isEqualTo(0.1);
    assertThat(step.updates()).hasSize(9).allSatisfy(update -> assertThat(update.after())
        .isCloseTo(update.before() - 0.1 * update.gradient(), within(1e-15)));
    assertThat(step.lossAfter()).isLessThan(step.loss().value());
  }
}
