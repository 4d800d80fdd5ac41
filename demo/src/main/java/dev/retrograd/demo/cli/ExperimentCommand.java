package dev.retrograd.demo.cli;

import dev.retrograd.demo.experiment.Budget;
import dev.retrograd.demo.experiment.Experiment;
import dev.retrograd.demo.experiment.Experiments;
import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code retrograd experiment NAME}: real training runs that reproduce a claim of the textbook. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Reproduce a textbook claim about backpropagation with real runs.",
        "Each uses fixed seeds:",
        "  optimizers  sgd with momentum vs adam vs adamw vs lion on the same task",
        "  vanishing   a deep sigmoid net vs the same with relu: mean |gradient| per layer",
        "  exploding   a deep net that diverges without gradient clipping and trains with it",
        "  init        uniform(-1,1) vs xavier vs he on a deep relu net",
        "  batchnorm   a deep sigmoid net with and without batch normalization",
        "  residual    a deep sigmoid net with and without residual connections",
        "Writes NAME.png into --out and prints the figures behind the claim."})
public final class ExperimentCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ExperimentNames.class)
  private String name;

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "runs/experiments",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  private Path outputFolder;

  /** Declares {@code --plugins}; the registry binding reads it. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;

  @Inject
  ExperimentCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    Experiment experiment = Experiments.named(name, Budget.FULL, registry.get());
    PrintWriter out = spec.commandLine().getOut();
    try (PrintStream printed = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)) {
      experiment.run(outputFolder, printed);
    }
    return 0;
  }

  /** The experiment names, for the help text. */
  static final class ExperimentNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Experiments.names().iterator();
    }
  }
}
