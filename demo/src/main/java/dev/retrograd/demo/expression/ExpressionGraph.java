package dev.retrograd.demo.expression;

import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.graph.GraphLabels;
import dev.retrograd.demo.expression.ExpressionParser.ParsedExpression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An expression built into a {@link Value} graph: one leaf per variable (a variable used twice is
 * one leaf, so its gradient gets both contributions), one leaf per number, one node per operator and
 * function, and the names a picture shows.
 *
 * <pre>{@code
 * ParsedExpression parsed = ExpressionParser.parse("tanh(x1*w1 + x2*w2 + b)");
 * ExpressionGraph graph = ExpressionGraph.build(parsed, values, Functions.of(plugins), name -> name.startsWith("w"));
 * graph.output().backward();
 * graph.variables().get("x1").grad();   // -1.5 for micrograd's values
 * }</pre>
 *
 * <p>Names: a variable by its name, a number by its text, any other value by the text of the
 * sub-expression that made it (cut to {@value #LABEL_LENGTH} characters). Op texts: {@code ^2} for a
 * power with a number exponent, the plugin's name for an activation plugin.
 *
 * @param output the expression's value
 * @param variables the leaf of each variable, by name, in order of first appearance
 * @param labels the names of values and the texts of ops, for a picture
 */
public record ExpressionGraph(Value output, Map<String, Value> variables, GraphLabels labels) {

  /** The longest name a sub-expression gets in a picture; a longer one is cut and ends in "…". */
  public static final int LABEL_LENGTH = 28;

  /**
   * Builds the graph of {@code parsed} with the variables' {@code values}.
   *
   * @param isParameter which variables a picture shows as parameters
   * @throws ExpressionException for a call of an unknown function, at its column
   * @throws IllegalArgumentException if a variable has no value
   */
  public static ExpressionGraph build(ParsedExpression parsed, Map<String, Double> values, Functions functions,
      Predicate<String> isParameter) {
    Map<String, Value> variables = new LinkedHashMap<>();
    GraphLabels.Builder labels = GraphLabels.builder();
    for (String name : parsed.variables()) {
      Double value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Variable '" + name + "' has no value.");
      }
      Value leaf = Value.of(value);
      variables.put(name, leaf);
      if (isParameter.test(name)) {
        labels.parameter(leaf, name);
      } else {
        labels.name(leaf, name);
      }
    }
    Builder builder = new Builder(parsed.text(), variables, functions, labels);
    return new ExpressionGraph(builder.build(parsed.root()), variables, labels.build());
  }

  /** Builds the nodes of a tree, bottom up. */
  private record Builder(String text, Map<String, Value> variables, Functions functions, GraphLabels.Builder labels) {

    Value build(Expr node) {
      if (node instanceof Expr.Variable variable) {
        return variables.get(variable.name());
      }
      Value value = make(node);
      labels.name(value, label(node));
      return value;
    }

    private Value make(Expr node) {
      if (node instanceof Expr.Number number) {
        return Value.of(number.value());
      }
      if (node instanceof Expr.Negation negation) {
        return negation.operand() instanceof Expr.Number number ? Value.of(-number.value())
            : build(negation.operand()).neg();
      }
      if (node instanceof Expr.Call call) {
        Functions.Applied function = functions.find(call.function()).orElseThrow(() -> new ExpressionException(
            "Unknown function '" + call.function() + "' at column " + (call.start() + 1) + "; "
                + functions.available() + ".", text, call.start() + 1));
        Value result = function.apply().apply(build(call.argument()));
        if (function.plugin()) {
          labels.op(result, call.function());
        }
        return result;
      }
      Expr.Binary binary = (Expr.Binary) node;
      Value left = build(binary.left());
      if (binary.operator() == '^' && constant(binary.right()) != null) {
        Value result = left.pow(constant(binary.right()));
        labels.op(result, "^" + source(binary.right()));
        return result;
      }
      Value right = build(binary.right());
      return switch (binary.operator()) {
        case '+' -> left.add(right);
        case '-' -> left.sub(right);
        case '*' -> left.mul(right);
        case '/' -> left.div(right);
        default -> left.pow(right);
      };
    }

    /** Returns the number {@code node} is, written as a number or a negated one, or null. */
    private static Double constant(Expr node) {
      if (node instanceof Expr.Number number) {
        return number.value();
      }
      return node instanceof Expr.Negation negation && negation.operand() instanceof Expr.Number number
          ? -number.value() : null;
    }

    private String source(Expr node) {
      return text.substring(node.start(), node.end()).strip();
    }

    private String label(Expr node) {
      String source = source(node);
      return source.length() <= LABEL_LENGTH ? source : source.substring(0, LABEL_LENGTH - 1) + "…";
    }
  }
}
