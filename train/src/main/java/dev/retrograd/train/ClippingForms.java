package dev.retrograd.train;

import static dev.retrograd.api.Hyperparameter.Type.REAL;

import dev.retrograd.api.Hyperparameter;
import java.util.List;

/** The gradient clippings' text forms: each clipping's name and parameter, declared once. */
final class ClippingForms {

  /** none, norm and value, with their parameters as {@code torch.nn.utils} names them. */
  static final TextForms<Clipping> ALL = new TextForms<>("clipping", List.of(
      new TextForms.Form<>("none", List.of(), values -> new Clipping.None()),
      new TextForms.Form<>("norm", List.of(
          Hyperparameter.required("max_norm", REAL, "the largest global norm").greaterThan(0)),
          values -> new Clipping.ByNorm(values.real("max_norm"))),
      new TextForms.Form<>("value", List.of(
          Hyperparameter.required("clip_value", REAL, "the largest magnitude of a gradient").greaterThan(0)),
          values -> new Clipping.ByValue(values.real("clip_value")))));

  private ClippingForms() {}
}
