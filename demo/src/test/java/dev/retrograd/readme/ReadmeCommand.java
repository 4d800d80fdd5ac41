package dev.retrograd.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command the README shows, found by the HTML comment {@code <!-- command: NAME -->} above a
 * {@code sh} block of one {@code ./retrograd …} line, followed by a plain block of what it prints, so
 * that a test can run it and compare.
 *
 * @param arguments the command's arguments after {@code ./retrograd}, quotes removed as a shell does
 * @param printed the lines of the block after the command
 */
record ReadmeCommand(List<String> arguments, List<String> printed) {

  /** Reads the command called {@code name} from the README at the root of the repository. */
  static ReadmeCommand named(String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int marker = lines.indexOf("<!-- command: " + name + " -->");
    if (marker < 0 || !lines.get(marker + 1).equals("```sh") || !lines.get(marker + 3).equals("```")) {
      throw new AssertionError("README.md has no one-line ```sh block under <!-- command: " + name + " -->");
    }
    List<String> words = words(lines.get(marker + 2));
    if (!words.get(0).equals("./retrograd")) {
      throw new AssertionError("README command '" + name + "' does not start with ./retrograd: " + words);
    }
    int open = marker + 4;
    while (lines.get(open).isBlank()) {
      open++;
    }
    if (!lines.get(open).equals("```")) {
      throw new AssertionError("README command '" + name + "' is not followed by a ``` block of what it prints");
    }
    List<String> printed = new ArrayList<>();
    for (int i = open + 1; !lines.get(i).equals("```"); i++) {
      printed.add(lines.get(i));
    }
    return new ReadmeCommand(words.subList(1, words.size()), printed);
  }

  /** Returns the arguments with the value of {@code option} replaced by {@code value}. */
  String[] with(String option, String value) {
    List<String> changed = new ArrayList<>(arguments);
    int at = changed.indexOf(option);
    if (at < 0) {
      throw new AssertionError("the README command " + arguments + " has no " + option);
    }
    changed.set(at + 1, value);
    return changed.toArray(String[]::new);
  }

  /** Splits a shell line at spaces outside double quotes, dropping the quotes. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }
}
