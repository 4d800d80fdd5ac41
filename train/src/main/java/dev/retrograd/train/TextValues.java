package dev.retrograd.train;

import dev.retrograd.data.Task;
import java.util.Locale;

/**
 * Reads the numbers and words of a checkpoint entry; each failure is an
 * {@link IllegalArgumentException} saying what is wrong.
 */
final class TextValues {

  private TextValues() {}

  /** Reads a double as {@link Double#toString(double)} writes it. */
  static double real(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
  }

  /** Reads a long. */
  static long whole(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number");
    }
  }

  /** Reads an int ≥ 0, the value of entry {@code key}. */
  static int count(String key, String text) {
    long count = whole(text);
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + key + "' must be a whole number >= 0, was " + text);
    }
    return (int) count;
  }

  /** Reads a task as {@link #word(Task)} writes it. */
  static Task task(String text) {
    try {
      return Task.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown task '" + text + "'; accepted: classification, regression");
    }
  }

  /** Returns {@code classification} or {@code regression}. */
  static String word(Task task) {
    return task.name().toLowerCase(Locale.ROOT);
  }
}
