package dev.retrograd.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Loss;
import dev.retrograd.autograd.CompiledGraph;
import dev.retrograd.autograd.Value;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An Mlp's training step, compiled once and replayed on new rows, equals the eager step bit for bit. */
class CompiledMlpTest {

  private static final Activation TANH = new Activation() {
    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
      return 1 - y * y;
    }
  };

  private static final Loss SQUARED_ERROR = new Loss() {
    @Override
    public double value(double[] prediction, double[] target) {
      double sum = 0;
      for (int i = 0; i < prediction.length; i++) {
        sum += (prediction[i] - target[i]) * (prediction[i] - target[i]);
      }
      return sum / prediction.length;
    }

    @Override
    public void gradient(double[] prediction, double[] target, double[] out) {
      for (int i = 0; i < prediction.length; i++) {
        out[i] = 2 * (prediction[i] - target[i]) / prediction.length;
      }
    }
  };

  @Test
  void a_replayed_training_step_of_an_mlp_equals_the_eager_step_bit_for_bit() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] firstRows = rows(random, 4, 3);
    double[][] nextRows = rows(random, 4, 3);
    double[][] targets = rows(random, 4, 2);
    Mlp compiledModel = new Mlp(3, new int[] {8, 8, 2}, TANH, new SplittableRandom(9));
    Mlp eagerModel = new Mlp(3, new int[] {8, 8, 2}, TANH, new SplittableRandom(9));

    Value[][] inputs = Model.leaves(firstRows);
    Value loss = Value.meanLoss(SQUARED_ERROR, compiledModel.forward(inputs), targets);
    CompiledGraph step = Value.compile(loss);
    for (int r = 0; r < inputs.length; r++) {
      for (int c = 0; c < inputs[r].length; c++) {
        inputs[r][c].setData(nextRows[r][c]);
      }
    }
    double replayed = step.forward();
    step.backward();

    Value eager = Value.meanLoss(SQUARED_ERROR, eagerModel.forward(nextRows), targets);
    eager.backward();

    assertThat(Double.doubleToLongBits(replayed)).isEqualTo(Double.doubleToLongBits(eager.data()));
    List<Value> compiledParameters = compiledModel.parameters();
    List<Value> eagerParameters = eagerModel.parameters();
    for (int i = 0; i < compiledParameters.size(); i++) {
      assertThat(compiledParameters.get(i).grad()).as("gradient of parameter %d", i)
          .isEqualTo(eagerParameters.get(i).grad());
    }
    assertThat(step.opCount()).as("one op per layer for all rows (its neurons and rows merged), one per loss, plus"
        + " the mean").isEqualTo(3 + 4 + 2);
  }

  private static double[][] rows(SplittableRandom random, int count, int width) {
    double[][] rows = new double[count][width];
    for (double[] row : rows) {
      for (int c = 0; c < width; c++) {
        row[c] = random.nextDouble(-1, 1);
      }
    }
    return rows;
  }
}
