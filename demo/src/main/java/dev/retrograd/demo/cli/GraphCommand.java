package dev.retrograd.demo.cli;

import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphLimits;
import dev.retrograd.autograd.graph.LabelNumbers;
import dev.retrograd.autograd.graph.ValueGraph;
import dev.retrograd.demo.expression.ExpressionException;
import dev.retrograd.demo.expression.ExpressionGraph;
import dev.retrograd.demo.expression.ExpressionParser;
import dev.retrograd.demo.expression.ExpressionParser.ParsedExpression;
import dev.retrograd.demo.expression.Functions;
import dev.retrograd.demo.graph.GraphFiles;
import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrograd graph}: an expression's graph, forward and backward, drawn with every value and
 * gradient, and each variable's gradient printed.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Draw an expression's graph with every value and gradient, as micrograd's",
        "draw_dot does. Runs the forward and the backward pass, prints each variable's",
        "data and gradient, and writes graph.svg, graph.png and graph.dot into --out."},
    footer = {"", "Expressions: numbers, variables, + - * /, ^ for powers, unary minus, parentheses,",
        "the engine's exp log sqrt tanh sigmoid relu abs, and any activation plugin by",
        "name, such as gelu(x).", "",
        "Example, micrograd's neuron:",
        "  retrograd graph --expr \"tanh(x1*w1 + x2*w2 + b)\" \\",
        "      --set x1=2,x2=0,w1=-3,w2=1,b=6.8813735870195432"})
public final class GraphCommand implements Callable<Integer> {

  /** Variables drawn as parameters unless --params says otherwise: w and b, alone or followed by digits or _. */
  private static final Pattern WEIGHT_OR_BIAS = Pattern.compile("[wb]([0-9_].*)?");

  @Option(names = "--expr", required = true, paramLabel = "EXPRESSION",
      description = "The expression, such as \"tanh(x1*w1 + x2*w2 + b)\".")
  private String expression;

  @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
      description = "The value of every variable, such as x1=2,x2=0,w1=-3.")
  private Map<String, Double> values = new LinkedHashMap<>();

  @Option(names = "--params", paramLabel = "NAME,…", split = ",",
      description = "Variables drawn as parameters. Default: those named w or b, alone or followed by digits"
          + " or _ (w1, w_2, b).")
  private List<String> parameters;

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "runs/graph",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  private Path folder;

  @Option(names = "--format", paramLabel = "FORMAT,…", split = ",", defaultValue = "svg,png,dot",
      description = "Formats to write: svg, png, dot. Default: ${DEFAULT-VALUE}.")
  private List<String> formats;

  @Option(names = "--max-per-layer", paramLabel = "N", defaultValue = "12",
      description = "Most values drawn per layer; the rest are merged into one node. Default: ${DEFAULT-VALUE}.")
  private int valuesPerLayer;

  @Option(names = "--max-layers", paramLabel = "N", defaultValue = "40",
      description = "Most layers drawn, those nearest the output. Default: ${DEFAULT-VALUE}.")
  private int layers;

  /** Declares {@code --plugins}: activation plugins in jars can be called by name. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;
  private final GraphFiles graphFiles;

  @Inject
  GraphCommand(Provider<Plugins> registry, GraphFiles graphFiles) {
    this.registry = registry;
    this.graphFiles = graphFiles;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> chosenFormats = graphFiles.check(formats);
    GraphLimits limits = limits();
    ExpressionGraph graph;
    try {
      ParsedExpression parsed = ExpressionParser.parse(expression);
      checkValues(parsed.variables());
      graph = ExpressionGraph.build(parsed, values, Functions.of(registry.get()), isParameter(parsed.variables()));
    } catch (ExpressionException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("retrograd: " + e.getMessage());
      err.println(e.pointer());
      err.flush();
      return 1;
    }
    Value output = graph.output();
    output.backward();
    List<Path> written = graphFiles.write(ValueGraph.trace(output, graph.labels(), limits), folder, "graph",
        chosenFormats);

    out.println(expression.strip() + " = " + LabelNumbers.format(output.data()));
    int width = Math.max(10, graph.variables().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
    out.printf("%-" + width + "s%12s%12s%n", "variable", "data", "grad");
    graph.variables().forEach((name, leaf) -> out.printf("%-" + width + "s%12s%12s%n", name,
        LabelNumbers.format(leaf.data()), LabelNumbers.format(leaf.grad())));
    out.println("wrote     " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
    out.flush();
    return 0;
  }

  private GraphLimits limits() {
    if (valuesPerLayer < 2) {
      throw new IllegalArgumentException("--max-per-layer must be >= 2 (one value and one '… more' node), was "
          + valuesPerLayer + ".");
    }
    if (layers < 2) {
      throw new IllegalArgumentException("--max-layers must be >= 2 (the output and what made it), was " + layers
          + ".");
    }
    return new GraphLimits(valuesPerLayer, layers);
  }

  /** Checks that every variable has a value and every value a variable. */
  private void checkValues(List<String> variables) {
    List<String> missing = variables.stream().filter(name -> !values.containsKey(name)).toList();
    if (missing.size() == 1) {
      throw new IllegalArgumentException("Variable '" + missing.get(0) + "' has no value; give it with --set "
          + missing.get(0) + "=VALUE.");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Variables " + quoted(missing) + " have no value; give them with --set "
          + missing.stream().map(name -> name + "=VALUE").collect(Collectors.joining(",")) + ".");
    }
    checkNamed("--set", new ArrayList<>(values.keySet()), variables);
  }

  private Predicate<String> isParameter(List<String> variables) {
    if (parameters == null) {
      return name -> WEIGHT_OR_BIAS.matcher(name).matches();
    }
    checkNamed("--params", parameters, variables);
    return parameters::contains;
  }

  private static void checkNamed(String option, List<String> names, List<String> variables) {
    List<String> unused = names.stream().filter(name -> !variables.contains(name)).toList();
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(option + " names " + quoted(unused) + ", which the expression does not use;"
          + " its variables are " + variables + ".");
    }
  }

  private static String quoted(List<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
  }
}
