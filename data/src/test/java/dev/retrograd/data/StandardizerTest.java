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

  @Test
  void a_regression_target_is_standardized_with_its_mean_and_population_std_and_inverted_exactly() {
    Dataset prices = Dataset.regression("prices", List.of("a"), new double[][] {{0}, {1}, {2}, {3}}, "price",
        new double[] {1e12, 1.2e12, 1.4e12, 1.8e12});

    Standardizer target = Standardizer.fitTargets(prices);
    Dataset z = target.applyToTargets(prices);

    double mean = 1.35e12;
    double std = Math.sqrt((0.35e12 * 0.35e12 + 0.15e12 * 0.15e12 + 0.05e12 * 0.05e12 + 0.45e12 * 0.45e12) / 4);
    assertThat(target.mean()[0]).isCloseTo(mean, within(1e-3));
    assertThat(target.std()[0]).isCloseTo(std, within(1e-3));
    assertThat(z.targets()[0]).isCloseTo((1e12 - mean) / std, within(1e-12));
    assertThat(z.features()).isSameAs(prices.features());
    for (int i = 0; i < 4; i++) {
      assertThat(target.invert(new double[] {z.targets()[i]})[0]).isCloseTo(prices.targets()[i], within(1e-3));
    }
  }

  @Test
  void a_constant_target_is_only_centered() {
    Dataset flat = Dataset.regression("flat", List.of("a"), new double[][] {{0}, {1}}, "y", new double[] {5, 5});

    Standardizer target = Standardizer.fitTargets(flat);

    assertThat(target.applyToTargets(flat).targets()).containsExactly(0, 0);
    assertThat(target.invert(new double[] {0.5})).containsExactly(5.5);
  }

  @Test
  void only_a_regression_target_is_standardized() {
    assertThatThrownBy(() -> Standardizer.fitTargets(Moons.generate(10, 0.1, 1)))
        .hasMessage("'moons' is a classification data set; only a regression target is standardized");
    assertThatThrownBy(() -> Standardizer.fit(TRAIN).applyToTargets(TRAIN))
        .hasMessage("this standardizer has 2 columns; a target standardizer has one (see fitTargets)");
  }

  @Test
  void a_feature_that_is_not_finite_is_named_by_row_and_feature() {
    Dataset poisoned = rows(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}});

    assertThatThrownBy(() -> Standardizer.fit(poisoned))
        .hasMessage("cannot standardize 'rows': row 1, feature 'b' is Infinity; features must be finite numbers");
  }
}
