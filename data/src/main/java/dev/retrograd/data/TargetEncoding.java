package dev.retrograd.data;

/** How a class label becomes a row of targets, one number per class: see {@link Dataset#targetRows}. */
public enum TargetEncoding {
  /** 1 at the example's class, 0 elsewhere: the targets of cross-entropy and the like. */
  ONE_HOT,
  /** 1 at the example's class, −1 elsewhere: one-vs-rest targets of a margin loss such as hinge. */
  SIGNS
}
