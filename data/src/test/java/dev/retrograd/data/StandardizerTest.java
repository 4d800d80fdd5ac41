package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

  private static Dataset rows(double[][] x) {
    return Dataset.regression("rows", List.of("a", "b"), x, "y", new double[x.length]);
  }

  private static final Dataset TRAIN = rows(new double[][] {{1, 7}, {2, 7}, {3, 7}});
  private static final Dataset TEST = rows(new double[][] {{5, 9}, {100, -3}});

  @Test
  void fit_takes_the_mean_and_population_standard_deviation_of_the_training_rows() {
    Standardizer scaler = Standardizer.fit(TRAIN);

    assertThat(scaler.mean()).containsExactly(2.0, 7.0);
    assertThat(scaler.std()[0]).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-15));
    assertThat(scaler.std()[1]).isZero();
  }

  @Test
  void the_test_set_is_scaled_with_the_training_statistics() {
    Standardizer scaler = Standardizer.fit(TRAIN);

    Dataset test = scaler.apply(TEST);

    double std = Math.sqrt(2.0 / 3.0);
    assertThat(test.features()[0][0]).isCloseTo((5 - 2) / std, within(1e-12));
    assertThat(test.features()[1][0]).isCloseTo((100 - 2) / std, within(1e-12));
    assertThat(Standardizer.fit(TEST)).isNotEqualTo(scaler);
  }

  @Test
  void a_constant_feature_is_only_centered() {
    Standardizer scaler = Standardizer.fit(TRAIN);

    assertThat(scaler.apply(TRAIN).features()[0][1]).isZero();
    assertThat(scaler.apply(TEST).features()[0][1]).isEqualTo(2.0);
    assertThat(scaler.apply(TEST).features()[1][1]).isEqualTo(-10.0);
  }

  @Test
  void standardized_training_features_have_mean_zero_and_std_one() {
    Dataset moons = Moons.generate(200, 0.2, 1);
    Dataset scaled = Standardizer.fit(moons).apply(moons);
    Standardizer again = Standardizer.fit(scaled);

    assertThat(again.mean()[0]).isCloseTo(0.0, within(1e-12));
    assertThat(again.mean()[1]).isCloseTo(0.0, within(1e-12));
    assertThat(again.std()[0]).isCloseTo(1.0, within(1e-12));
    assertThat(again.std()[1]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void apply_returns_new_rows_and_keeps_labels_and_names() {
    Dataset moons = Moons.generate(20, 0.2, 1);
    double before = moons.features()[0][0];

    Dataset scaled = Standardizer.fit(moons).apply(moons);

    assertThat(moons.features()[0][0]).isEqualTo(before);
    assertThat(scaled.labels()).isSameAs(moons.labels());
    assertThat(scaled.name()).isEqualTo("moons");
  }

  @Test
  void a_row_of_another_width_is_refused() {
    assertThatThrownBy(() -> Standardizer.fit(TRAIN).apply(new double[] {1, 2, 3}))
        .hasMessage("this standardizer was fitted on 2 features but the row has 3");
  }
}
