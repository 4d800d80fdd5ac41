package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.Task;
import dev.retrograd.registry.Plugins;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void accuracy_compares_argmaxes() {
    double[][] predictions = {{0.1, 2.0, -1}, {3, 0, 0}, {0, 0, 5}, {1, 1, 0}};
    double[][] targets = {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
    // rows 0, 2 right; row 1 wrong; row 3 a tie resolved to the first class, right
    assertThat(Metrics.accuracy(predictions, targets)).isEqualTo(0.75);
  }

  @Test
  void accuracy_of_single_outputs_compares_signs() {
    double[][] logits = {{2.5}, {-0.3}, {0.1}, {-4}};
    double[][] zeroOne = {{1}, {0}, {0}, {0}};
    double[][] plusMinus = {{1}, {-1}, {-1}, {1}};
    assertThat(Metrics.accuracy(logits, zeroOne)).isEqualTo(0.75);
    assertThat(Metrics.accuracy(logits, plusMinus)).isEqualTo(0.5);
  }

  @Test
  void mse_and_r2_match_hand_computation() {
    double[][] predictions = {{2.5}, {0.0}, {2}, {8}};
    double[][] targets = {{3}, {-0.5}, {2}, {7}};
    // errors -0.5, 0.5, 0, 1: SSE 1.5, MSE 0.375; mean target 2.875, SST 29.1875
    assertThat(Metrics.meanSquaredError(predictions, targets)).isEqualTo(0.375);
    assertThat(Metrics.rSquared(predictions, targets)).isCloseTo(1 - 1.5 / 29.1875, within(1e-15));
    assertThat(Metrics.rSquared(predictions, targets)).isCloseTo(0.9486081370449679, within(1e-15));
  }

  @Test
  void r2_of_several_outputs_weights_by_variance() {
    double[][] predictions = {{1, 10}, {2, 20}, {4, 30}};
    double[][] targets = {{1, 12}, {2, 18}, {3, 30}};
    // column 0: SSE 1, SST 2 (mean 2); column 1: SSE 8, SST 64 + 4 + 100 = 168 (mean 20)
    assertThat(Metrics.rSquared(predictions, targets)).isCloseTo(1 - 9.0 / 170, within(1e-15));
    assertThat(Metrics.meanSquaredError(predictions, targets)).isEqualTo(9.0 / 6);
  }

  @Test
  void r2_of_constant_targets_is_one_for_a_perfect_fit_and_zero_otherwise() {
    assertThat(Metrics.rSquared(new double[][] {{2}, {2}}, new double[][] {{2}, {2}})).isEqualTo(1.0);
    assertThat(Metrics.rSquared(new double[][] {{1}, {2}}, new double[][] {{2}, {2}})).isEqualTo(0.0);
  }

  @Test
  void shapes_must_agree() {
    assertThatThrownBy(() -> Metrics.accuracy(new double[][] {{1, 2}}, new double[][] {{1}}))
        .hasMessage("prediction row 0 has 2 values but its target row has 1");
  }

  @Test
  void evaluate_scores_a_model_in_evaluation_mode_and_restores_its_mode() {
    TinyModel identity = new TinyModel(1, 0, 1, 0);
    identity.namedParameters().get(0).value().setData(1.0);  // prediction = input
    identity.setTraining(true);
    Dataset examples = TestData.line(new double[] {2.5, 0.0, 2, 8}, new double[] {3, -0.5, 2, 7});
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd").loss("mse").task(Task.REGRESSION).batchSize(3)
        .build();

    Scores scores = new Trainer(Plugins.load()).evaluate(identity, examples, config);

    assertThat(scores.loss()).isEqualTo(0.375);
    assertThat(scores.mse()).isEqualTo(0.375);
    assertThat(scores.r2()).isCloseTo(0.9486081370449679, within(1e-15));
    assertThat(scores.accuracy()).isNaN();
    assertThat(identity.isTraining()).isTrue();
    assertThat(identity.buffers().get(TinyModel.BUFFER)).as("no running statistics updated").containsExactly(0.0);
  }

  @Test
  void evaluate_reports_accuracy_and_cross_entropy_for_classification() {
    TinyModel identity = new TinyModel(2, 0, 2, 0);
    var parameters = identity.namedParameters();  // weight[0][0], weight[0][1], weight[1][0], weight[1][1], biases
    parameters.get(0).value().setData(1);
    parameters.get(1).value().setData(0);
    parameters.get(2).value().setData(0);
    parameters.get(3).value().setData(1);
    Dataset examples = Dataset.classification("two", List.of("a", "b"), new double[][] {{0, Math.log(3)}, {1, 0}},
        List.of("first", "second"), new int[] {1, 1});
    TrainingConfig config = TrainingConfig.builder().optimizer("sgd").loss("cross_entropy").task(Task.CLASSIFICATION)
        .build();

    Scores scores = new Trainer(Plugins.load()).evaluate(identity, examples, config);

    // row 0: softmax(0, ln 3) = (1/4, 3/4), loss ln(4/3); row 1: logits (1, 0), loss ln(1 + e)
    assertThat(scores.loss()).isCloseTo((Math.log(4.0 / 3) + Math.log(1 + Math.E)) / 2, within(1e-15));
    assertThat(scores.accuracy()).isEqualTo(0.5);
    assertThat(scores.mse()).isNaN();
  }
}
