package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.data.Task;
import org.junit.jupiter.api.Test;

class SineTest {

  @Test
  void sine_is_a_regression_of_y_on_x() {
    Dataset sine = Sine.generate(10, 0.1, 1);

    assertThat(sine.task()).isEqualTo(Task.REGRESSION);
    assertThat(sine.featureNames()).containsExactly("x");
    assertThat(sine.targetName()).isEqualTo("y");
    assertThat(sine.targets()).hasSize(10);
    assertThat(sine.labels()).isEmpty();
  }

  @Test
  void without_noise_y_is_sin_x_for_x_in_minus_pi_to_pi() {
    Dataset sine = Sine.generate(500, 0.0, 1);

    for (int i = 0; i < sine.size(); i++) {
      double x = sine.features()[i][0];
      assertThat(x).isGreaterThanOrEqualTo(-Math.PI).isLessThan(Math.PI);
      assertThat(sine.targets()[i]).isEqualTo(Math.sin(x));
    }
  }

  @Test
  void the_noise_is_gaussian_with_the_given_standard_deviation() {
    Dataset sine = Sine.generate(4000, 0.3, 1);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < sine.size(); i++) {
      double residual = sine.targets()[i] - Math.sin(sine.features()[i][0]);
      sum += residual;
      squares += residual * residual;
    }
    double mean = sum / sine.size();

    assertThat(mean).isCloseTo(0.0, within(0.03));
    assertThat(Math.sqrt(squares / sine.size() - mean * mean)).isCloseTo(0.3, within(0.03));
  }

  @Test
  void its_target_rows_hold_one_target_per_row() {
    Dataset sine = Sine.generate(5, 0.0, 2);
    double[][] targets = sine.targetRows(TargetEncoding.ONE_HOT);

    assertThat(sine.featureCount()).isEqualTo(1);
    assertThat(sine.targetWidth()).isEqualTo(1);
    assertThat(targets[3][0]).isEqualTo(Math.sin(sine.features()[3][0]));
  }
}
