package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  private static final double BASE = 0.1;

  @Test
  void constant_keeps_the_base_rate() {
    assertThat(Schedule.constant().learningRate(BASE, 37, 50)).isEqualTo(BASE);
  }

  @Test
  void step_multiplies_by_gamma_every_step_size_epochs_as_torch_step_lr() {
    Schedule step = Schedule.step(10, 0.5);
    assertThat(step.learningRate(BASE, 0, 30)).isEqualTo(0.1);
    assertThat(step.learningRate(BASE, 9, 30)).isEqualTo(0.1);
    assertThat(step.learningRate(BASE, 10, 30)).isCloseTo(0.05, within(1e-17));
    assertThat(step.learningRate(BASE, 25, 30)).isCloseTo(0.025, within(1e-17));
  }

  @Test
  void exponential_multiplies_by_gamma_every_epoch_as_torch_exponential_lr() {
    assertThat(Schedule.exponential(0.9).learningRate(BASE, 3, 10)).isCloseTo(0.0729, within(1e-15));
  }

  @Test
  void cosine_follows_torch_cosine_annealing_closed_form() {
    Schedule cosine = Schedule.cosine(10, 0.001);
    assertThat(cosine.learningRate(BASE, 0, 40)).isCloseTo(0.1, within(1e-15));
    assertThat(cosine.learningRate(BASE, 5, 40)).isCloseTo(0.0505, within(1e-15));
    assertThat(cosine.learningRate(BASE, 10, 40)).isCloseTo(0.001, within(1e-15));
    assertThat(cosine.learningRate(BASE, 15, 40)).as("rises again past t_max").isCloseTo(0.0505, within(1e-15));
  }

  @Test
  void cosine_closed_form_agrees_with_torch_recursive_form_over_three_half_periods() {
    int tMax = 7;
    double etaMin = 0.002;
    Schedule cosine = Schedule.cosine(tMax, etaMin);
    double lr = BASE;  // torch CosineAnnealingLR.get_lr, stepped once per epoch
    for (int e = 1; e <= 3 * tMax; e++) {
      if ((e - 1 - tMax) % (2 * tMax) == 0) {
        lr = lr + (BASE - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
      } else {
        lr = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax)) * (lr - etaMin) + etaMin;
      }
      assertThat(cosine.learningRate(BASE, e, 100)).as("epoch %d", e).isCloseTo(lr, within(1e-12));
    }
  }

  @Test
  void cosine_without_t_max_anneals_over_the_whole_run() {
    assertThat(Schedule.cosine().learningRate(BASE, 10, 20)).isCloseTo(0.05, within(1e-15));
    assertThat(Schedule.cosine().learningRate(BASE, 20, 20)).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void warmup_cosine_warms_up_linearly_then_anneals_over_the_remaining_epochs() {
    Schedule schedule = Schedule.warmupCosine(4);
    assertThat(schedule.learningRate(BASE, 0, 10)).isCloseTo(0.1 / 3, within(1e-15));
    assertThat(schedule.learningRate(BASE, 2, 10)).isCloseTo(0.2 / 3, within(1e-15));
    assertThat(schedule.learningRate(BASE, 4, 10)).isCloseTo(0.1, within(1e-15));
    assertThat(schedule.learningRate(BASE, 7, 10)).isCloseTo(0.05, within(1e-15));
    assertThat(schedule.learningRate(BASE, 9, 10)).isCloseTo(0.006698729810778065, within(1e-15));
  }

  @Test
  void warmup_agrees_with_torch_linear_lr_recursive_form() {
    int warmup = 5;
    double start = 0.2;
    Schedule schedule = Schedule.warmupCosine(warmup, 0.0, start);
    double lr = BASE * start;  // torch LinearLR.get_lr with end_factor 1
    assertThat(schedule.learningRate(BASE, 0, 20)).isCloseTo(lr, within(1e-15));
    for (int e = 1; e <= warmup; e++) {
      lr = lr * (1 + (1 - start) / (warmup * start + (e - 1) * (1 - start)));
      assertThat(schedule.learningRate(BASE, e, 20)).as("epoch %d", e).isCloseTo(lr, within(1e-15));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"constant", "step:step_size=10,gamma=0.5", "exponential:gamma=0.95", "cosine",
      "cosine:t_max=50,eta_min=1.0E-4", "warmup_cosine:warmup=5",
      "warmup_cosine:warmup=5,eta_min=0.001,start_factor=0.1"})
  void text_form_reads_back_to_the_same_schedule(String text) {
    Schedule schedule = Schedule.parse(text);
    assertThat(schedule).hasToString(text);
    assertThat(Schedule.parse(schedule.toString())).isEqualTo(schedule);
  }

  @Test
  void parse_fills_torch_defaults() {
    assertThat(Schedule.parse("step:step_size=3")).isEqualTo(Schedule.step(3, 0.1));
    assertThat(Schedule.parse(" cosine:eta_min=0.01 ")).isEqualTo(Schedule.cosine(0, 0.01));
    assertThat(Schedule.parse("warmup_cosine:warmup=2")).isEqualTo(Schedule.warmupCosine(2, 0, 1.0 / 3));
  }

  @Test
  void the_text_form_leaves_out_what_is_at_its_default_and_a_single_parameter_may_stand_alone() {
    assertThat(Schedule.step(3, 0.1)).hasToString("step:step_size=3");
    assertThat(Schedule.cosine(0, 0.0)).hasToString("cosine");
    assertThat(Schedule.parse("exponential:0.95")).isEqualTo(Schedule.exponential(0.95));
  }

  private static final String STEP_ACCEPTS = "; it accepts [step_size (required, >= 1), gamma=0.1 (> 0)].";

  @Test
  void unknown_schedule_lists_the_accepted_ones() {
    assertThatThrownBy(() -> Schedule.parse("linear"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown schedule 'linear'; accepted: constant, step:step_size=N[,gamma=0.1], exponential:gamma=X,"
            + " cosine[:t_max=0,eta_min=0.0], warmup_cosine:warmup=N[,eta_min=0.0,start_factor=0.3333333333333333].");
  }

  @Test
  void parse_errors_name_the_schedule_and_list_what_it_accepts() {
    assertThatThrownBy(() -> Schedule.parse("step:gamma=0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schedule 'step' needs step_size" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.parse("step:step_size=10,decay=0.5"))
        .hasMessage("Schedule 'step' has no hyperparameter 'decay'" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.parse("step:step_size=ten"))
        .hasMessage("Schedule 'step' needs step_size to be an integer, was 'ten'" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.parse("step:10"))
        .hasMessage("Schedule 'step' has a malformed hyperparameter '10' in '10', expected name=value pairs separated"
            + " by commas" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.parse("constant:gamma=1"))
        .hasMessage("Schedule 'constant' has no hyperparameter 'gamma'; it accepts no hyperparameters.");
  }

  @Test
  void out_of_range_parameters_are_refused_with_their_value_in_code_as_in_text() {
    assertThatThrownBy(() -> Schedule.step(0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schedule 'step' needs step_size >= 1, was 0" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.parse("step:step_size=0"))
        .hasMessage("Schedule 'step' needs step_size >= 1, was 0" + STEP_ACCEPTS);
    assertThatThrownBy(() -> Schedule.exponential(-0.1))
        .hasMessage("Schedule 'exponential' needs gamma > 0, was -0.1; it accepts [gamma (required, > 0)].");
    assertThatThrownBy(() -> Schedule.exponential(Double.POSITIVE_INFINITY))
        .hasMessage("Schedule 'exponential' needs gamma to be a finite number, was 'Infinity'; it accepts"
            + " [gamma (required, > 0)].");
    assertThatThrownBy(() -> Schedule.cosine(10, -1))
        .hasMessage("Schedule 'cosine' needs eta_min >= 0, was -1.0; it accepts [t_max=0 (>= 0), eta_min=0.0 (>= 0)].");
    assertThatThrownBy(() -> Schedule.warmupCosine(2, 0, 1.5))
        .hasMessage("Schedule 'warmup_cosine' needs start_factor in (0, 1], was 1.5; it accepts"
            + " [warmup (required, >= 1), eta_min=0.0 (>= 0), start_factor=0.3333333333333333 (in (0, 1])].");
  }

  @Test
  void warmup_must_leave_epochs_for_the_cosine() {
    assertThatThrownBy(() -> Schedule.warmupCosine(5).requireFits(5))
        .hasMessage("warmup_cosine schedule's warmup (5) must be fewer than the epochs (5), leaving epochs for the"
            + " cosine part");
  }
}
