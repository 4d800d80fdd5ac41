package dev.retrograd.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code key=value} pairs after a schedule's name, read with the schedule's name in every message. */
final class ScheduleArguments {

  private final String schedule;
  private final Map<String, String> values = new LinkedHashMap<>();

  ScheduleArguments(String schedule, String text) {
    this.schedule = schedule;
    if (text.isBlank()) {
      return;
    }
    for (String pair : text.split(",", -1)) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? "" : pair.substring(0, equals).trim();
      if (key.isEmpty()) {
        throw new IllegalArgumentException("Malformed schedule parameter '" + pair.trim() + "' in '"
            + schedule + ":" + text + "'; expected key=value pairs, such as step:step_size=10,gamma=0.5.");
      }
      values.put(key, pair.substring(equals + 1).trim());
    }
  }

  void allow(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("Schedule '" + schedule + "' has no parameter '" + key + "'; it accepts "
            + (keys.length == 0 ? "none" : String.join(", ", List.of(keys))) + ".");
      }
    }
  }

  int integer(String key, Integer fallback) {
    String text = require(key, fallback);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Schedule '" + schedule + "' needs " + key + " to be an integer, was '" + text + "'.");
    }
  }

  double real(String key, Double fallback) {
    String text = require(key, fallback);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Schedule '" + schedule + "' needs " + key + " to be a number, was '" + text + "'.");
    }
  }

  private String require(String key, Object fallback) {
    String text = values.get(key);
    if (text == null && fallback == null) {
      throw new IllegalArgumentException(
          "Schedule '" + schedule + "' needs " + key + "; accepted: " + Schedule.ACCEPTED + ".");
    }
    return text;
  }
}
