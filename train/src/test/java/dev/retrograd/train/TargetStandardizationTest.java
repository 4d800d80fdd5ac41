package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.autograd.Value;
import dev.retrograd.data.Dataset;
import dev.retrograd.data.Standardizer;
import dev.retrograd.data.Task;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.registry.Plugins;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A regression target of any magnitude trains on z-scores and is reported in its own units. */
class TargetStandardizationTest {

  private static final Plugins PLUGINS = Plugins.load();
  private final Trainer trainer = new Trainer(PLUGINS);

  /** {@code n} rows of x in [−1, 1)², y = 1e12 + 3e11·(x0 + x1/2): a target of huge magnitude. */
  private static Dataset prices(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      y[i] = 1e12 + 3e11 * (x[i][0] + x[i][1] / 2);
    }
    return Dataset.regression("prices", java.util.List.of("x0", "x1"), x, "price", y);
  }

  private static TrainingConfig.Builder adam() {
    return TrainingConfig.builder().optimizer("adam", Hyperparameters.parse("lr=0.01")).loss("mse")
        .task(Task.REGRESSION).epochs(30).batchSize(16).validationFraction(0.2);
  }

  private static Mlp model() {
    return Mlp.of(MlpSpec.of(2, new int[] {16}, 1, "tanh", "he_normal"), PLUGINS, new SplittableRandom(3));
  }

  @Test
  void a_target_of_huge_magnitude_trains_when_standardized_and_is_stuck_when_not() {
    Dataset train = prices(200, 1);

    TrainingResult standardized = trainer.fit(model(), train,
        adam().targetStandardizer(Standardizer.fitTargets(train)).build());
    TrainingResult raw = trainer.fit(model(), train, adam().build());

    assertThat(standardized.last().validation().r2()).isGreaterThan(0.95);
    assertThat(raw.last().validation().r2()).isLessThan(0);
  }

  @Test
  void every_score_is_in_the_targets_units() {
    Dataset train = prices(200, 1);
    Dataset test = prices(50, 2);
    Standardizer target = Standardizer.fitTargets(train);
    TrainingConfig config = adam().targetStandardizer(target).build();
    Mlp model = model();

    TrainingResult result = trainer.fit(model, train, config);
    Scores scores = trainer.evaluate(model, test, config);

    Loss mse = PLUGINS.loss("mse");
    double sse = 0;
    double lossSum = 0;
    double mean = 0;
    for (double y : test.targets()) {
      mean += y / test.size();
    }
    double sst = 0;
    for (int i = 0; i < test.size(); i++) {
      double z = model.forward(new double[][] {test.features()[i]})[0][0].data();
      double prediction = z * target.std()[0] + target.mean()[0];
      double error = prediction - test.targets()[i];
      sse += error * error;
      lossSum += mse.value(new double[] {prediction}, new double[] {test.targets()[i]});
      sst += (test.targets()[i] - mean) * (test.targets()[i] - mean);
    }
    assertThat(scores.mse()).isCloseTo(sse / test.size(), within(1e-6 * sse / test.size()));
    assertThat(scores.loss()).isCloseTo(lossSum / test.size(), within(1e-6 * lossSum / test.size()));
    assertThat(scores.r2()).isCloseTo(1 - sse / sst, within(1e-9));
    assertThat(result.last().train().mse()).isGreaterThan(1e10).isEqualTo(result.last().train().loss());
    assertThat(result.last().validation().mse()).isGreaterThan(1e10);
  }

  @Test
  void the_training_loss_adds_the_l2_penalty_in_the_targets_units() {
    Dataset train = prices(64, 1);
    Standardizer target = Standardizer.fitTargets(train);
    TrainingConfig config = adam().epochs(1).validationFraction(0).batchSize(64).l2(0.5)
        .targetStandardizer(target).build();
    Mlp model = model();
    double penalty = 0;
    for (Value p : model.parameters()) {
      penalty += 0.5 * p.data() * p.data();
    }
    double[] predictions = new double[train.size()];
    for (int i = 0; i < train.size(); i++) {
      predictions[i] = model.forward(new double[][] {train.features()[i]})[0][0].data() * target.std()[0]
          + target.mean()[0];
    }

    TrainingResult result = trainer.fit(model, train, config);

    double mse = 0;
    for (int i = 0; i < train.size(); i++) {
      mse += (predictions[i] - train.targets()[i]) * (predictions[i] - train.targets()[i]) / train.size();
    }
    assertThat(result.last().train().mse()).isCloseTo(mse, within(1e-9 * mse));
    assertThat(result.last().train().loss()).isCloseTo(mse + penalty, within(1e-9 * mse));
  }

  @Test
  void a_target_standardizer_needs_a_regression_task() {
    Standardizer target = Standardizer.fitTargets(prices(10, 1));

    assertThatThrownBy(() -> adam().loss("cross_entropy").task(Task.CLASSIFICATION).targetStandardizer(target).build())
        .hasMessage("a target standardizer needs a regression task and one column, was classification with 1 columns");
    assertThat(adam().targetStandardizer(target).build().describe()).endsWith(String.format(java.util.Locale.ROOT,
        ", regression, target standardized (mean %.4g, std %.4g)", target.mean()[0], target.std()[0]));
  }
}
