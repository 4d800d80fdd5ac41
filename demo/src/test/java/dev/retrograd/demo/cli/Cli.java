package dev.retrograd.demo.cli;

import com.google.inject.Module;
import dev.retrograd.demo.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the program in-process and keeps what it printed and its exit code. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return run(new CommandLineModule(), args);
  }

  /** Runs the program with the bindings of {@code module}, a test's override of {@link CommandLineModule}. */
  static Cli run(Module module, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(module, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }
}
