package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Model;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.registry.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoring a model that does not support compiled replay runs its forward passes inside
 * Value.noGrad(): they build no graph, so they keep nothing alive.
 */
class EvaluationGraphTest {

  /** A model that notes, for each forward pass, whether its first output kept its inputs (a graph). */
  private static final class Watched implements Model {

    final Model model;
    final List<Boolean> keptInputs = new ArrayList<>();

    Watched(Model model) {
      this.model = model;
    }

    @Override
    public Value[][] forward(Value[][] batch) {
      Value[][] out = model.forward(batch);
      keptInputs.add(!out[0][0].inputs().isEmpty());
      return out;
    }

    @Override
    public int inputs() {
      return model.inputs();
    }

    @Override
    public int outputs() {
      return model.outputs();
    }

    @Override
    public void setTraining(boolean training) {
      model.setTraining(training);
    }

    @Override
    public boolean isTraining() {
      return model.isTraining();
    }

    @Override
    public List<NamedParameter> namedParameters() {
      return model.namedParameters();
    }

    @Override
    public Map<String, List<Value>> parametersByLayer() {
      return model.parametersByLayer();
    }

    @Override
    public Map<String, double[]> buffers() {
      return model.buffers();
    }

    @Override
    public void loadBuffers(Map<String, double[]> buffers) {
      model.loadBuffers(buffers);
    }

    @Override
    public String architecture() {
      return model.architecture();
    }
  }

  @Test
  void evaluate_runs_its_forward_passes_without_a_graph_and_scores_as_with_one() {
    double[] targets = {3, -0.5, 2, 7};
    Dataset examples = TestData.line(new double[] {2.5, 0.0, 2, 8}, targets);
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd").loss("mse").task(Task.REGRESSION).batchSize(3)
        .build();
    Watched watched = new Watched(new TinyModel(1, 3, 1, 11));
    watched.setTraining(false);
    Value[][] withGraph = watched.forward(Model.leaves(examples.features()));
    double expectedLoss = 0;
    for (int r = 0; r < withGraph.length; r++) {
      double error = withGraph[r][0].data() - targets[r];
      expectedLoss += error * error;
    }
    expectedLoss /= withGraph.length;

    Scores scores = new Trainer(Plugins.load()).evaluate(watched, examples, config);

    assertThat(watched.keptInputs).containsExactly(true, false, false);
    assertThat(scores.loss()).isCloseTo(expectedLoss, within(1e-12));
  }
}
