package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.autograd.GradCheck;
import dev.retrograd.autograd.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormTest {

  private static final double EPS = 1e-5;

  /** Feature 0: 1, 3, 5 (μ = 3, σ² = 8/3, unbiased 4); feature 1: 2, 6, 10 (μ = 6, σ² = 32/3, unbiased 16). */
  private static final double[][] BATCH = {{1, 2}, {3, 6}, {5, 10}};

  private static Value[][] rows(double[][] numbers) {
    Value[][] rows = new Value[numbers.length][];
    for (int r = 0; r < numbers.length; r++) {
      rows[r] = new Value[numbers[r].length];
      for (int c = 0; c < numbers[r].length; c++) {
        rows[r][c] = Value.of(numbers[r][c]);
      }
    }
    return rows;
  }

  private static BatchNorm withScaleAndShift() {
    BatchNorm bn = new BatchNorm(2);
    bn.gamma().get(0).setData(2);
    bn.gamma().get(1).setData(0.5);
    bn.beta().get(0).setData(0.1);
    bn.beta().get(1).setData(-1);
    return bn;
  }

  @Test
  void starts_as_torch_does_with_gamma_one_beta_zero_mean_zero_variance_one_in_training_mode() {
    BatchNorm bn = new BatchNorm(3);

    assertThat(bn.gamma()).extracting(Value::data).containsExactly(1.0, 1.0, 1.0);
    assertThat(bn.beta()).extracting(Value::data).containsExactly(0.0, 0.0, 0.0);
    assertThat(bn.runningMean()).containsExactly(0, 0, 0);
    assertThat(bn.runningVar()).containsExactly(1, 1, 1);
    assertThat(bn.eps()).isEqualTo(1e-5);
    assertThat(bn.momentum()).isEqualTo(0.1);
    assertThat(bn.isTraining()).isTrue();
    assertThat(bn.parameters()).hasSize(6);
    assertThat(bn).hasToString("BatchNorm1d(3)");
  }

  @Test
  void training_forward_normalizes_each_feature_with_the_batch_mean_and_biased_variance() {
    Value[][] y = withScaleAndShift().forward(rows(BATCH));

    double xHat0 = 2 / Math.sqrt(8.0 / 3 + EPS);   // (5 − 3)/√(8/3 + eps)
    double xHat1 = 4 / Math.sqrt(32.0 / 3 + EPS);  // (10 − 6)/√(32/3 + eps)
    assertThat(y[0][0].data()).isCloseTo(2 * -xHat0 + 0.1, within(1e-12));
    assertThat(y[1][0].data()).isCloseTo(0.1, within(1e-12));
    assertThat(y[2][0].data()).isCloseTo(2 * xHat0 + 0.1, within(1e-12));
    assertThat(y[0][1].data()).isCloseTo(0.5 * -xHat1 - 1, within(1e-12));
    assertThat(y[2][1].data()).isCloseTo(0.5 * xHat1 - 1, within(1e-12));
    // numpy: g * (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-5) + b
    assertThat(y[0][0].data()).isCloseTo(-2.3494851500028275, within(1e-12));
    assertThat(y[2][1].data()).isCloseTo(-0.3876278513535828, within(1e-12));
  }

  @Test
  void running_statistics_follow_torch_update_with_the_unbiased_variance_over_two_batches() {
    BatchNorm bn = new BatchNorm(2);

    bn.forward(rows(BATCH));
    // running_mean = 0.9·0 + 0.1·μ; running_var = 0.9·1 + 0.1·Σ(x − μ)²/(B − 1)
    assertThat(bn.runningMean()[0]).isCloseTo(0.1 * 3, within(1e-15));
    assertThat(bn.runningMean()[1]).isCloseTo(0.1 * 6, within(1e-15));
    assertThat(bn.runningVar()[0]).isCloseTo(0.9 + 0.1 * 4, within(1e-15));
    assertThat(bn.runningVar()[1]).isCloseTo(0.9 + 0.1 * 16, within(1e-15));

    bn.forward(rows(new double[][] {{0, -1}, {2, 1}}));  // μ = (1, 0), unbiased σ² = (2, 2)
    assertThat(bn.runningMean()[0]).isCloseTo(0.9 * 0.3 + 0.1 * 1, within(1e-15));
    assertThat(bn.runningMean()[1]).isCloseTo(0.9 * 0.6 + 0.1 * 0, within(1e-15));
    assertThat(bn.runningVar()[0]).isCloseTo(0.9 * 1.3 + 0.1 * 2, within(1e-15));
    assertThat(bn.runningVar()[1]).isCloseTo(0.9 * 2.5 + 0.1 * 2, within(1e-15));
  }

  @Test
  void evaluation_forward_uses_the_running_statistics_as_constants() {
    BatchNorm bn = withScaleAndShift();
    bn.forward(rows(BATCH));
    bn.forward(rows(new double[][] {{0, -1}, {2, 1}}));  // running mean (0.37, 0.54), var (1.37, 2.45)
    bn.setTraining(false);

    Value[][] y = bn.forward(rows(new double[][] {{1, 2}}));

    assertThat(y[0][0].data()).isCloseTo(2 * (1 - 0.37) / Math.sqrt(1.37 + EPS) + 0.1, within(1e-12));
    assertThat(y[0][1].data()).isCloseTo(0.5 * (2 - 0.54) / Math.sqrt(2.45 + EPS) - 1, within(1e-12));
    assertThat(y[0][0].data()).isCloseTo(1.1764867199466384, within(1e-12));  // numpy
    assertThat(bn.runningMean()[0]).isCloseTo(0.37, within(1e-15));

    Value x = Value.of(1);
    bn.forward(new Value[][] {{x, Value.of(2)}})[0][0].backward();
    assertThat(x.grad()).isCloseTo(2 / Math.sqrt(1.37 + EPS), within(1e-12));
    assertThat(bn.gamma().get(0).grad()).isCloseTo((1 - 0.37) / Math.sqrt(1.37 + EPS), within(1e-12));
    assertThat(bn.beta().get(0).grad()).isEqualTo(1.0);
  }

  @Test
  void evaluation_rows_are_independent_of_each_other() {
    BatchNorm bn = withScaleAndShift();
    bn.forward(rows(BATCH));
    bn.setTraining(false);

    double alone = bn.forward(rows(new double[][] {{1, 2}}))[0][1].data();
    double together = bn.forward(rows(new double[][] {{1, 2}, {50, -30}}))[0][1].data();

    assertThat(together).isEqualTo(alone);
  }

  /** Σ c_bj·y_bj with distinct weights: a plain sum would have zero gradient, since Σ_b x̂_bj = 0. */
  private static Value weightedOutput(BatchNorm bn, Value[] x) {
    Value[][] batch = {{x[0], x[1]}, {x[2], x[3]}, {x[4], x[5]}};
    Value[][] y = bn.forward(batch);
    List<Value> terms = new ArrayList<>();
    double c = 0.3;
    for (Value[] row : y) {
      for (Value v : row) {
        terms.add(v.mul(c).add(v.pow(2).mul(0.1)));
        c = -1.7 * c + 0.4;
      }
    }
    return Value.sum(terms);
  }

  @Test
  void training_gradients_through_mean_and_variance_match_central_differences() {
    BatchNorm bn = withScaleAndShift();

    GradCheck.defaults().check(x -> weightedOutput(bn, x), 0.5, -1.2, 2.0, 0.3, -0.7, 1.1);
  }

  @Test
  void gamma_and_beta_gradients_match_central_differences() {
    BatchNorm bn = withScaleAndShift();
    double[] point = {0.5, -1.2, 2.0, 0.3, -0.7, 1.1};
    weightedOutput(bn, copy(point)).backward();

    GradCheck check = GradCheck.defaults();
    List<GradCheck.Mismatch> mismatches = new ArrayList<>();
    List<Value> parameters = bn.parameters();
    for (int p = 0; p < parameters.size(); p++) {
      Value leaf = parameters.get(p);
      double at = leaf.data();
      double numeric = check.centralDifference(v -> {
        leaf.setData(v);
        double out = weightedOutput(bn, copy(point)).data();
        leaf.setData(at);
        return out;
      }, at);
      check.compare("parameter " + p, p, at, leaf.grad(), numeric, mismatches);
    }
    check.failOn(mismatches, "batch norm γ and β");
    assertThat(bn.beta().get(0).grad()).isNotZero();
  }

  private static Value[] copy(double[] point) {
    Value[] x = new Value[point.length];
    for (int i = 0; i < point.length; i++) {
      x[i] = Value.of(point[i]);
    }
    return x;
  }

  @Test
  void a_training_batch_of_one_row_is_an_error_as_in_torch() {
    BatchNorm bn = new BatchNorm(32);
    Value[][] one = new Value[1][32];
    Arrays.fill(one[0], Value.of(1));

    assertThatThrownBy(() -> bn.forward(one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BatchNorm1d(32) expected more than 1 value per feature when training, got a batch of 1 row;"
            + " use mini-batches of 2 or more rows, or switch to evaluation mode (setTraining(false)) to"
            + " normalize with the running statistics.");
    bn.setTraining(false);
    assertThat(bn.forward(one)[0][0].data()).isCloseTo(1 / Math.sqrt(1 + EPS), within(1e-12));
  }

  @Test
  void a_row_of_the_wrong_width_is_an_error() {
    assertThatThrownBy(() -> new BatchNorm(2).forward(rows(new double[][] {{1, 2}, {3}})))
        .hasMessage("BatchNorm1d(2) expects 2 features per row, row 1 has 1");
  }

  @Test
  void running_statistics_are_replaced_only_with_one_finite_number_per_feature() {
    BatchNorm bn = new BatchNorm(2);

    assertThatThrownBy(() -> bn.setRunningStatistics(new double[] {0}, new double[] {1, 1}))
        .hasMessage("running_mean has 1 values but BatchNorm1d(2) needs 2");
    assertThatThrownBy(() -> bn.setRunningStatistics(new double[] {0, 0}, new double[] {1, Double.NaN}))
        .hasMessage("running_var must be finite, was NaN at feature 1");
    assertThatThrownBy(() -> bn.setRunningStatistics(new double[] {0, 0}, new double[] {-1, 1}))
        .hasMessage("running_var must be >= 0, was -1.0 at feature 0");

    bn.setRunningStatistics(new double[] {0.5, -0.5}, new double[] {2, 3});
    assertThat(bn.runningMean()).containsExactly(0.5, -0.5);
    assertThat(bn.runningVar()).containsExactly(2, 3);
  }

  @Test
  void settings_are_validated() {
    assertThatThrownBy(() -> new BatchNorm(0)).hasMessage("batch normalization needs at least 1 feature, was 0");
    assertThatThrownBy(() -> new BatchNorm(2, 0, 0.1)).hasMessage("eps must be > 0 and finite, was 0.0");
    assertThatThrownBy(() -> new BatchNorm(2, 1e-5, 1.5)).hasMessage("momentum must be in [0, 1], was 1.5");
  }
}
