package dev.retrograd.demo.cli;

import dev.retrograd.demo.Main;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line as text a user can paste into a POSIX shell: the program as it was most likely
 * started, then the arguments, quoted where the shell would split or expand them.
 */
final class CommandText {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CommandText() {}

  /** Returns the program and {@code args} as one line. */
  static String of(List<String> args) {
    StringBuilder text = new StringBuilder(program());
    args.forEach(arg -> text.append(' ').append(quoted(arg)));
    return text.toString();
  }

  /**
   * Returns {@code args} with any {@code --resume} and {@code --overwrite} replaced by
   * {@code --resume checkpoint}: the command that continues a run.
   */
  static List<String> resuming(List<String> args, Path checkpoint) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--resume")) {
        i++;
      } else if (!arg.startsWith("--resume=") && !arg.equals("--overwrite")) {
        kept.add(arg);
      }
    }
    kept.add("--resume");
    kept.add(checkpoint.toString());
    return kept;
  }

  /** Returns {@code arg} as is if the shell reads it so, else in single quotes. */
  static String quoted(String arg) {
    return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /**
   * Returns how the program was started: the {@code retrograd} launcher beside the project's
   * {@code demo/target/retrograd.jar} (relative to the working folder when inside it), else
   * {@code java -jar JAR}, else {@code retrograd}.
   */
  static String program() {
    try {
      Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar")) {
        Path launcher = code.toAbsolutePath().getParent().getParent().getParent().resolve("retrograd");
        if (code.getFileName().toString().equals("retrograd.jar") && Files.isExecutable(launcher)) {
          Path here = Path.of("").toAbsolutePath();
          return launcher.startsWith(here) ? quoted("./" + here.relativize(launcher)) : quoted(launcher.toString());
        }
        return "java -jar " + quoted(code.toString());
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the name below
    }
    return "retrograd";
  }
}
