package dev.retrograd.demo.cli;

import dev.retrograd.api.Hyperparameters;
import dev.retrograd.demo.explain.ExplainedStep;
import dev.retrograd.demo.explain.Narration;
import dev.retrograd.demo.explain.StepExplainer;
import dev.retrograd.demo.explain.StepSetup;
import dev.retrograd.demo.graph.GraphFiles;
import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrograd explain}: one training step of a tiny network, narrated in the four phases of the
 * textbook with its numbers, and the graph drawn with its gradients.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run one training step of a tiny network and narrate its four phases with",
        "numbers: forward (each neuron's w·x + b and activation), loss, backward (for",
        "every weight dL/dw = dL/dy × dy/dw, checked against the engine's gradient and",
        "a central difference) and update. Writes the graph with every value and",
        "gradient (explain.svg, explain.png, explain.dot) into --out."})
public final class ExplainCommand implements Callable<Integer> {

  @Option(names = "--hidden", paramLabel = "W1,W2,…", split = ",", defaultValue = "2",
      description = "Widths of the hidden layers. Default: ${DEFAULT-VALUE}.")
  private int[] hidden;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
      description = "Activation of the hidden layers. Default: ${DEFAULT-VALUE}.")
  private String activation;

  @Option(names = "--output-activation", paramLabel = "NAME", defaultValue = "identity",
      description = "Activation of the output layer. Default: ${DEFAULT-VALUE} (linear).")
  private String outputActivation;

  @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mse", description = "Default: ${DEFAULT-VALUE}.")
  private String loss;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd", description = "Default: ${DEFAULT-VALUE}.")
  private String optimizer;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1",
      description = "Learning rate. Default: ${DEFAULT-VALUE}.")
  private double learningRate;

  @Option(names = "--hp", paramLabel = "K=V,…", defaultValue = "",
      description = "Other hyperparameters of the optimizer, e.g. momentum=0.9.")
  private String optimizerHyperparameters;

  @Option(names = "--initializer", paramLabel = "NAME", defaultValue = "xavier_uniform",
      description = "Weight initializer; biases start at 0. Default: ${DEFAULT-VALUE}.")
  private String initializer;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of the weights. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--input", paramLabel = "X1,X2,…", split = ",", defaultValue = "0.5,-1.0",
      description = "The example's input; its length sets the number of inputs. Default: ${DEFAULT-VALUE}.")
  private double[] input;

  @Option(names = "--target", paramLabel = "T1,…", split = ",", defaultValue = "1.0",
      description = "The example's target; its length sets the number of outputs. Default: ${DEFAULT-VALUE}.")
  private double[] target;

  @Option(names = "--lang", paramLabel = "LANGUAGE", defaultValue = "en",
      description = "Language of the narration: en or fr. Default: ${DEFAULT-VALUE}.")
  private String language;

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "runs/explain",
      description = "Output folder of the graph. Default: ${DEFAULT-VALUE}.")
  private Path folder;

  @Option(names = "--format", paramLabel = "FORMAT,…", split = ",", defaultValue = "svg,png,dot",
      description = "Formats of the graph: svg, png, dot. Default: ${DEFAULT-VALUE}.")
  private List<String> formats;

  /** Declares {@code --plugins}; the registry binding reads it. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;
  private final GraphFiles graphFiles;

  @Inject
  ExplainCommand(Provider<Plugins> registry, GraphFiles graphFiles) {
    this.registry = registry;
    this.graphFiles = graphFiles;
  }

  @Override
  public Integer call() throws Exception {
    Narration narration = Narration.in(language.toLowerCase(Locale.ROOT));
    List<String> chosenFormats = graphFiles.check(formats);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be a number > 0, was " + learningRate + ".");
    }
    Hyperparameters others = Hyperparameters.parse(optimizerHyperparameters);
    if (others.names().contains("lr")) {
      throw new IllegalArgumentException("--hp gives lr; give the learning rate with --lr, such as --lr 0.05.");
    }
    Hyperparameters hyperparameters = Hyperparameters.parse("lr=" + learningRate
        + (others.names().isEmpty() ? "" : "," + others));
    StepSetup setup = new StepSetup(hidden, activation, outputActivation, initializer, seed, loss, optimizer,
        hyperparameters, input, target);
    ExplainedStep step = new StepExplainer(registry.get()).explain(setup);
    List<Path> written = graphFiles.write(step.graph(), folder, "explain", chosenFormats);

    PrintWriter out = spec.commandLine().getOut();
    out.print(narration.narrate(step));
    out.println(narration.text("wrote", written.stream().map(Path::toString).collect(Collectors.joining(", "))));
    out.flush();
    return 0;
  }
}
