package dev.retrograd.demo;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.retrograd.demo.cli.BenchCommand;
import dev.retrograd.demo.cli.CommandLineModule;
import dev.retrograd.demo.cli.ExperimentCommand;
import dev.retrograd.demo.cli.EvaluateCommand;
import dev.retrograd.demo.cli.ExplainCommand;
import dev.retrograd.demo.cli.GraphCommand;
import dev.retrograd.demo.cli.PluginsCommand;
import dev.retrograd.demo.cli.PredictCommand;
import dev.retrograd.demo.cli.TrainCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code retrograd} program. Exit code 0 on success; on bad input a one-line reason on standard
 * error and exit code 2 (a wrong option) or 1 (anything else: an unknown plugin, a malformed CSV
 * line, a diverged run).
 *
 * <p>One injector, built from {@link CommandLineModule}, makes the commands and everything they use.
 */
@Command(name = "retrograd", mixinStandardHelpOptions = true, version = "retrograd 0.1.0",
    description = "Watch backpropagation work: train networks, compare plugins, reproduce the textbook.",
    subcommands = {TrainCommand.class, PluginsCommand.class, ExperimentCommand.class, BenchCommand.class,
        GraphCommand.class, ExplainCommand.class, PredictCommand.class, EvaluateCommand.class, HelpCommand.class})
public final class Main implements Runnable {

  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(new CommandLineModule(), args, out, err);
  }

  /**
   * Runs the command line with the commands, data sources, run files and registry that
   * {@code module} binds (a test overrides some of {@link CommandLineModule}'s), and returns the exit
   * code.
   */
  public static int run(Module module, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main(), new InjectorFactory(Guice.createInjector(module)));
    commandLine.setHelpFactory(WordWrappedHelp::new);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println("retrograd: " + e.getMessage() + " (see '"
          + failed.getCommandSpec().qualifiedName() + " --help')");
      return 2;
    });
    commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
      failed.getErr().println("retrograd: " + ErrorMessage.of(unwrapped(e)));
      return 1;
    });
    return commandLine.execute(args);
  }

  /** Returns what a binding's provider threw, which Guice hands on wrapped, or {@code e} itself. */
  private static Throwable unwrapped(Exception e) {
    return e instanceof ProvisionException && e.getCause() != null ? e.getCause() : e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
