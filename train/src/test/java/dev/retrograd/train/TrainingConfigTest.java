package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.PluginChoice;
import dev.retrograd.data.TargetEncoding;
import dev.retrograd.data.Task;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

  private static TrainingConfig.Builder sgdOnMse() {
    return TrainingConfig.builder().optimizer("sgd").loss("mse").task(Task.REGRESSION);
  }

  private static Optimizer plainSgd() {
    return new ElementwiseOptimizer(0.1) {
      @Override
      protected void update(Element e) {
        e.set(e.value() - learningRate() * e.gradient());
      }
    };
  }

  private static final Loss ABSOLUTE_ERROR = new Loss() {
    @Override
    public double value(double[] prediction, double[] target) {
      return Math.abs(prediction[0] - target[0]);
    }

    @Override
    public void gradient(double[] prediction, double[] target, double[] out) {
      out[0] = Math.signum(prediction[0] - target[0]);
    }
  };

  @Test
  void only_the_optimizer_loss_and_task_need_setting_the_rest_has_the_documented_defaults() {
    TrainingConfig config = sgdOnMse().build();

    assertThat(config.optimizer()).isEqualTo(PluginChoice.named("sgd"));
    assertThat(config.optimizer().hyperparameters().names()).isEmpty();
    assertThat(config.loss()).isEqualTo(PluginChoice.named("mse"));
    assertThat(config.task()).isEqualTo(Task.REGRESSION);
    assertThat(config.l2()).isZero();
    assertThat(config.epochs()).isEqualTo(10);
    assertThat(config.batchSize()).isEqualTo(32);
    assertThat(config.schedule()).isEqualTo(Schedule.constant());
    assertThat(config.clipping()).isEqualTo(Clipping.none());
    assertThat(config.validationFraction()).isZero();
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.targetEncoding()).isEqualTo(TargetEncoding.ONE_HOT);
  }

  @Test
  void every_setter_reaches_its_own_field() {
    TrainingConfig config = TrainingConfig.builder()
        .optimizer("adam", Hyperparameters.parse("lr=0.01"))
        .loss("hinge", Hyperparameters.parse("margin=2"))
        .task(Task.CLASSIFICATION)
        .l2(0.001).epochs(3).batchSize(8).schedule(Schedule.cosine()).clipping(Clipping.byNorm(1))
        .validationFraction(0.2).seed(7).targetEncoding(TargetEncoding.SIGNS)
        .build();

    assertThat(config.optimizer()).isEqualTo(PluginChoice.named("adam", Hyperparameters.parse("lr=0.01")));
    assertThat(config.loss()).isEqualTo(PluginChoice.named("hinge", Hyperparameters.parse("margin=2")));
    assertThat(config.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(config.l2()).isEqualTo(0.001);
    assertThat(config.epochs()).isEqualTo(3);
    assertThat(config.batchSize()).isEqualTo(8);
    assertThat(config.schedule()).isEqualTo(Schedule.cosine());
    assertThat(config.clipping()).isEqualTo(Clipping.byNorm(1));
    assertThat(config.validationFraction()).isEqualTo(0.2);
    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.targetEncoding()).isEqualTo(TargetEncoding.SIGNS);
  }

  @Test
  void describe_summarizes_the_run_in_one_line() {
    assertThat(sgdOnMse().build().describe()).isEqualTo("sgd() on mse(), 10 epochs of batches of 32, schedule"
        + " constant, clipping none, l2 0.0, validation 0.0, seed 42, regression");
    assertThat(TrainingConfig.builder().optimizer("adam", Hyperparameters.parse("lr=0.01")).loss("cross_entropy")
        .task(Task.CLASSIFICATION).epochs(20).schedule(Schedule.step(5, 0.5)).clipping(Clipping.byValue(0.5))
        .l2(1e-4).validationFraction(0.1).seed(3).build().describe())
        .isEqualTo("adam(lr=0.01) on cross_entropy(), 20 epochs of batches of 32, schedule"
            + " step:step_size=5,gamma=0.5, clipping value:clip_value=0.5, l2 1.0E-4, validation 0.1, seed 3,"
            + " classification");
    assertThat(sgdOnMse().optimizer("plain_sgd", plainSgd()).loss("absolute_error", ABSOLUTE_ERROR).build()
        .describe()).startsWith("plain_sgd() on absolute_error(), 10 epochs");
  }

  @Test
  void to_builder_copies_every_field_so_a_copy_differs_only_where_set() {
    TrainingConfig original = TrainingConfig.builder()
        .optimizer("adam", Hyperparameters.parse("lr=0.01")).loss("hinge").task(Task.CLASSIFICATION)
        .l2(0.001).epochs(3).batchSize(8).schedule(Schedule.cosine()).clipping(Clipping.byNorm(1))
        .validationFraction(0.2).seed(7).targetEncoding(TargetEncoding.SIGNS)
        .build();

    TrainingConfig longer = original.toBuilder().epochs(30).build();

    assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(longer.epochs()).isEqualTo(30);
    assertThat(original.epochs()).as("the original is untouched").isEqualTo(3);
    assertThat(longer.describe()).isEqualTo(original.describe().replace("3 epochs", "30 epochs"));
    assertThat(longer.targetEncoding()).isEqualTo(TargetEncoding.SIGNS);
    assertThat(longer).isNotEqualTo(original);
  }

  @Test
  void to_builder_keeps_an_instance_as_the_same_instance() {
    Optimizer instance = plainSgd();
    TrainingConfig original = sgdOnMse().optimizer("plain_sgd", instance).build();

    TrainingConfig copy = original.toBuilder().seed(1).build();

    assertThat(copy.optimizer()).isEqualTo(PluginChoice.given("plain_sgd", instance));
  }

  @Test
  void a_builder_makes_independent_values() {
    TrainingConfig.Builder builder = sgdOnMse().epochs(4);
    TrainingConfig first = builder.build();

    builder.epochs(5).optimizer("adam");

    assertThat(first.epochs()).isEqualTo(4);
    assertThat(first.optimizer().name()).isEqualTo("sgd");
    assertThat(builder.build().epochs()).isEqualTo(5);
  }

  @Test
  void an_instance_replaces_a_name_and_a_name_an_instance() {
    Optimizer instance = plainSgd();

    TrainingConfig byInstance = sgdOnMse().optimizer("adam", Hyperparameters.parse("lr=0.5"))
        .optimizer("plain_sgd", instance).build();
    TrainingConfig byName = sgdOnMse().optimizer("plain_sgd", instance).optimizer("adam").build();

    assertThat(byInstance.optimizer()).isEqualTo(PluginChoice.given("plain_sgd", instance));
    assertThat(byInstance.optimizer().resolve((name, hyperparameters) -> null)).isSameAs(instance);
    assertThat(byInstance.optimizer().hyperparameters().names()).isEmpty();
    assertThat(byName.optimizer()).isEqualTo(PluginChoice.named("adam"));
  }

  @Test
  void configs_of_equal_fields_are_equal_and_instances_count_by_identity() {
    assertThat(sgdOnMse().seed(1).build()).isEqualTo(sgdOnMse().seed(1).build())
        .isNotEqualTo(sgdOnMse().seed(2).build());
    assertThat(sgdOnMse().loss("mse", Hyperparameters.parse("")).build()).isEqualTo(sgdOnMse().build());
    Optimizer instance = plainSgd();
    assertThat(sgdOnMse().optimizer("plain_sgd", instance).build())
        .isEqualTo(sgdOnMse().optimizer("plain_sgd", instance).build())
        .isNotEqualTo(sgdOnMse().optimizer("plain_sgd", plainSgd()).build());
  }

  @Test
  void out_of_range_fields_are_named_with_their_value() {
    assertThatThrownBy(() -> sgdOnMse().epochs(0).build()).hasMessage("epochs must be >= 1, was 0");
    assertThatThrownBy(() -> sgdOnMse().batchSize(-2).build()).hasMessage("batch size must be >= 1, was -2");
    assertThatThrownBy(() -> sgdOnMse().l2(-0.1).build()).hasMessage("l2 must be finite and >= 0, was -0.1");
    assertThatThrownBy(() -> sgdOnMse().l2(Double.NaN).build()).hasMessage("l2 must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> sgdOnMse().validationFraction(1).build())
        .hasMessage("validation fraction must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> sgdOnMse().schedule(null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("schedule");
  }

  @Test
  void the_optimizer_the_loss_and_the_task_must_be_given() {
    assertThatThrownBy(() -> sgdOnMse().optimizer(" ").build())
        .hasMessage("optimizer must be a plugin name, such as sgd, was ' '");
    assertThatThrownBy(() -> TrainingConfig.builder().optimizer("sgd").task(Task.REGRESSION).build())
        .hasMessage("loss must be a plugin name, such as mse, was null");
    assertThatThrownBy(() -> TrainingConfig.builder().optimizer("sgd").loss("mse").build())
        .hasMessage("task must be classification or regression, was null");
  }

  @Test
  void an_instance_needs_a_lower_snake_case_name() {
    assertThatThrownBy(() -> sgdOnMse().loss("Absolute Error", ABSOLUTE_ERROR).build())
        .hasMessageStartingWith("A plugin instance (dev.retrograd.train.TrainingConfigTest$")
        .hasMessageEndingWith(") needs a lower_snake_case name for messages and checkpoints, such as my_plugin,"
            + " was 'Absolute Error'");
  }

  @Test
  void schedule_must_fit_the_epochs() {
    assertThatThrownBy(() -> sgdOnMse().epochs(3).schedule(Schedule.warmupCosine(3)).build())
        .hasMessage("warmup_cosine schedule's warmup (3) must be fewer than the epochs (3), leaving epochs for the"
            + " cosine part");
  }
}
