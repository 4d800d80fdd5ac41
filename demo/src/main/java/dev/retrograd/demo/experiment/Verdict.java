package dev.retrograd.demo.experiment;

/**
 * Whether an experiment's figures bear its claim out, with the deciding figures in one line.
 *
 * @param held whether the claim held
 * @param text "Claim held: …" or "Claim did not hold: …"
 */
record Verdict(boolean held, String text) {

  /** Returns the verdict for {@code held}, its text beginning with "Claim held: " or "Claim did not hold: ". */
  static Verdict of(boolean held, String figures) {
    return new Verdict(held, (held ? "Claim held: " : "Claim did not hold: ") + figures);
  }
}
