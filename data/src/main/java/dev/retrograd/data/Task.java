package dev.retrograd.data;

/** What a model learns: classes (metric: accuracy) or numbers (metrics: MSE and R²). */
public enum Task {
  /** Targets are one-hot rows (or ±1 rows for a margin loss); accuracy compares argmaxes. */
  CLASSIFICATION,
  /** Targets are rows of numbers; metrics are the mean squared error and R². */
  REGRESSION
}
