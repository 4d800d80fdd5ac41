package dev.retrograd.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

  private final OptimizerPlugin sgd = new TestPlugins.PlainSgd();
  private static final String ACCEPTS =
      "; it accepts [lr=0.1 (>= 0), beta=0.9 (in [0, 1)), warmup=0 (>= 0), nesterov=false].";

  @Test
  void parse_reads_comma_separated_pairs_and_resolve_converts_them() {
    Hyperparameters resolved = Hyperparameters.parse(" lr=0.01, nesterov=TRUE ,warmup=5").resolve(sgd);

    assertThat(resolved.real("lr")).isEqualTo(0.01);
    assertThat(resolved.flag("nesterov")).isTrue();
    assertThat(resolved.integer("warmup")).isEqualTo(5);
  }

  @Test
  void defaults_fill_what_is_not_given() {
    Hyperparameters resolved = Hyperparameters.parse("lr=0.5").resolve(sgd);

    assertThat(resolved.real("beta")).isEqualTo(0.9);
    assertThat(resolved.flag("nesterov")).isFalse();
    assertThat(resolved.names()).containsExactly("lr", "beta", "warmup", "nesterov");
    assertThat(resolved).hasToString("lr=0.5,beta=0.9,warmup=0,nesterov=false");
  }

  @Test
  void blank_text_means_all_defaults() {
    assertThat(Hyperparameters.parse("  ").resolve(sgd).real("lr")).isEqualTo(0.1);
    assertThat(Hyperparameters.parse(null)).isEqualTo(Hyperparameters.empty());
  }

  @Test
  void values_given_in_code_are_checked_like_text() {
    assertThat(Hyperparameters.of(Map.of("lr", 0.2)).resolve(sgd).real("lr")).isEqualTo(0.2);
    assertThatThrownBy(() -> Hyperparameters.empty().with("beta", 1.0).resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs beta in [0, 1), was 1.0" + ACCEPTS);
  }

  @Test
  void an_unknown_name_is_an_error_listing_what_the_plugin_accepts() {
    assertThatThrownBy(() -> Hyperparameters.parse("lrr=0.1").resolve(sgd))
        .isInstanceOf(PluginException.class)
        .hasMessage("Optimizer 'plain_sgd' has no hyperparameter 'lrr'" + ACCEPTS);
  }

  @Test
  void a_negative_learning_rate_is_out_of_range() {
    assertThatThrownBy(() -> Hyperparameters.parse("lr=-0.1").resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs lr >= 0, was -0.1" + ACCEPTS);
  }

  @Test
  void a_value_of_the_wrong_type_is_an_error() {
    assertThatThrownBy(() -> Hyperparameters.parse("lr=fast").resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs lr to be a number, was 'fast'" + ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.parse("warmup=2.5").resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs warmup to be an integer, was '2.5'" + ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.parse("nesterov=yes").resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs nesterov to be true or false, was 'yes'" + ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.parse("lr=NaN").resolve(sgd))
        .hasMessage("Optimizer 'plain_sgd' needs lr to be a finite number, was 'NaN'" + ACCEPTS);
  }

  @Test
  void a_plugin_without_hyperparameters_says_so() {
    assertThatThrownBy(() -> Hyperparameters.parse("slope=2").resolve(new TestPlugins.Identity()))
        .hasMessage("Activation 'identity' has no hyperparameter 'slope'; it accepts no hyperparameters.");
  }

  @Test
  void malformed_text_is_an_error_with_an_example() {
    assertThatThrownBy(() -> Hyperparameters.parse("lr0.1,momentum=0.9"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Malformed hyperparameter 'lr0.1' in 'lr0.1,momentum=0.9'; expected name=value pairs"
            + " separated by commas, such as lr=0.01,momentum=0.9.");
    assertThatThrownBy(() -> Hyperparameters.parse("lr=0.1,lr=0.2"))
        .hasMessage("Hyperparameter 'lr' is given twice in 'lr=0.1,lr=0.2'.");
  }

  @Test
  void hyperparameter_describes_itself_with_default_range_and_meaning() {
    assertThat(Hyperparameter.real("beta1", 0.9, "decay of the first moment").atLeast(0).below(1).describe())
        .isEqualTo("beta1=0.9 (real, in [0, 1)): decay of the first moment");
    assertThat(Hyperparameter.flag("amsgrad", false, "use the maximum of past v").describe())
        .isEqualTo("amsgrad=false (flag): use the maximum of past v");
    assertThat(Hyperparameter.real("eps", 1e-8, "e").greaterThan(0).allows(0)).isFalse();
  }

  private static final List<Hyperparameter> STEP = List.of(
      Hyperparameter.required("step_size", Hyperparameter.Type.INTEGER, "epochs between decays").atLeast(1),
      Hyperparameter.real("gamma", 0.1, "decay factor").greaterThan(0));
  private static final String STEP_ACCEPTS = "; it accepts [step_size (required, >= 1), gamma=0.1 (> 0)].";

  @Test
  void read_parses_and_resolves_in_one_step_for_an_owner_that_is_not_a_plugin() {
    Hyperparameters resolved = Hyperparameters.read("step_size=10", "Schedule 'step'", STEP);

    assertThat(resolved.integer("step_size")).isEqualTo(10);
    assertThat(resolved).hasToString("step_size=10,gamma=0.1");
  }

  @Test
  void a_required_value_that_is_missing_is_named() {
    assertThatThrownBy(() -> Hyperparameters.read("gamma=0.5", "Schedule 'step'", STEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schedule 'step' needs step_size" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.empty().resolve(new TestPlugins.Shaped("weighted",
        Hyperparameter.required("weight", Hyperparameter.Type.REAL, "class weight"))))
        .isInstanceOf(PluginException.class)
        .hasMessage("Loss 'weighted' needs weight; it accepts [weight (required)].");
  }

  @Test
  void an_owner_gets_the_same_checks_as_a_plugin_with_its_own_name_in_every_message() {
    assertThatThrownBy(() -> Hyperparameters.read("step_size=0", "Schedule 'step'", STEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schedule 'step' needs step_size >= 1, was 0" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.read("step_size=ten", "Schedule 'step'", STEP))
        .hasMessage("Schedule 'step' needs step_size to be an integer, was 'ten'" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.read("step_size=2,decay=0.5", "Schedule 'step'", STEP))
        .hasMessage("Schedule 'step' has no hyperparameter 'decay'" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.of(Map.of("step_size", 3, "gamma", -1.0)).resolve("Schedule 'step'", STEP))
        .hasMessage("Schedule 'step' needs gamma > 0, was -1.0" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.read("x=1", "Schedule 'constant'", List.of()))
        .hasMessage("Schedule 'constant' has no hyperparameter 'x'; it accepts no hyperparameters.");
  }

  @Test
  void malformed_text_for_an_owner_names_the_owner_instead_of_a_plugin_example() {
    assertThatThrownBy(() -> Hyperparameters.read("10", "Schedule 'step'", STEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schedule 'step' has a malformed hyperparameter '10' in '10', expected name=value pairs"
            + " separated by commas" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Hyperparameters.read("gamma=1,gamma=2", "Schedule 'step'", STEP))
        .hasMessage("Schedule 'step' is given gamma twice in 'gamma=1,gamma=2'" + STEP_ACCEPTS);
  }
}
