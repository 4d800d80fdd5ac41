package dev.retrograd.train;

import static dev.retrograd.api.Hyperparameter.Type.INTEGER;

import dev.retrograd.api.Hyperparameter;
import java.util.List;

/** The learning-rate schedules' text forms: each schedule's name and parameters, declared once. */
final class ScheduleForms {

  /** constant, step, exponential, cosine and warmup_cosine, with their parameters as torch names them. */
  static final TextForms<Schedule> ALL = new TextForms<>("schedule", List.of(
      new TextForms.Form<>("constant", List.of(), values -> new Schedule.Constant()),
      new TextForms.Form<>("step", List.of(
          Hyperparameter.required("step_size", INTEGER, "epochs between decays").atLeast(1),
          Hyperparameter.real("gamma", 0.1, "the decay factor").greaterThan(0)),
          values -> new Schedule.Step(values.integer("step_size"), values.real("gamma"))),
      new TextForms.Form<>("exponential", List.of(
          Hyperparameter.required("gamma", Hyperparameter.Type.REAL, "the decay factor per epoch").greaterThan(0)),
          values -> new Schedule.Exponential(values.real("gamma"))),
      new TextForms.Form<>("cosine", List.of(
          Hyperparameter.integer("t_max", 0, "epochs of the half period; 0 for the run's epochs").atLeast(0),
          Hyperparameter.real("eta_min", 0.0, "the smallest learning rate").atLeast(0)),
          values -> new Schedule.Cosine(values.integer("t_max"), values.real("eta_min"))),
      new TextForms.Form<>("warmup_cosine", List.of(
          Hyperparameter.required("warmup", INTEGER, "epochs of linear warm-up").atLeast(1),
          Hyperparameter.real("eta_min", 0.0, "the smallest learning rate").atLeast(0),
          Hyperparameter.real("start_factor", Schedule.WarmupCosine.DEFAULT_START_FACTOR,
              "the first epoch's fraction of the base rate").greaterThan(0).atMost(1)),
          values -> new Schedule.WarmupCosine(values.integer("warmup"), values.real("eta_min"),
              values.real("start_factor")))));

  private ScheduleForms() {}
}
