package dev.retrograd.demo.progress;

import java.time.Duration;
import java.util.Locale;

/** The text of a loss and of a duration in progress messages. */
final class Numbers {

  private Numbers() {}

  /**
   * Returns a loss with four decimals ({@code "0.1234"}) between 0.001 and 10000, in scientific
   * notation otherwise ({@code "1.235e-05"}), and {@code "NaN"} or {@code "Infinity"} as such.
   */
  static String loss(double loss) {
    if (!Double.isFinite(loss)) {
      return Double.toString(loss);
    }
    double magnitude = Math.abs(loss);
    if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e4)) {
      return String.format(Locale.ROOT, "%.4f", loss);
    }
    return String.format(Locale.ROOT, "%.3e", loss);
  }

  /** Returns a duration as {@code h:mm:ss}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
