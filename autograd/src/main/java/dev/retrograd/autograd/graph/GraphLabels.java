package dev.retrograd.autograd.graph;

import dev.retrograd.autograd.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a picture calls the values of a graph: names of values, the text of the op nodes that made
 * them, and which leaves are parameters. {@code Value} itself carries no name; a graph's author (an
 * expression parser, a network) knows them and passes them here.
 *
 * <pre>{@code
 * GraphLabels labels = GraphLabels.builder()
 *     .name(x1, "x1")                 // an input, drawn as a leaf
 *     .parameter(w1, "w1")            // a leaf the optimizer updates, drawn as a parameter
 *     .op(square, "^2")               // the op that made square, drawn as "^2" instead of "pow"
 *     .build();
 * }</pre>
 *
 * <p><b>Values are told apart by identity</b>, not by their numbers. A value without a name is drawn
 * with its data and gradient only; an op without a text shows {@link Value#op()}.
 */
public final class GraphLabels {

  private static final GraphLabels NONE = builder().build();

  private final Map<Value, String> names;
  private final Map<Value, String> ops;
  private final Set<Value> parameters;

  private GraphLabels(Builder builder) {
    this.names = new IdentityHashMap<>(builder.names);
    this.ops = new IdentityHashMap<>(builder.ops);
    this.parameters = Collections.newSetFromMap(new IdentityHashMap<>());
    this.parameters.addAll(builder.parameters);
  }

  /** Returns labels that name nothing: every value shows its numbers, every op its {@code op()}. */
  public static GraphLabels none() {
    return NONE;
  }

  /** Returns a builder of labels. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the name of {@code value}, or "" if it has none. */
  public String name(Value value) {
    return names.getOrDefault(value, "");
  }

  /** Returns the text of the op node that made {@code value}: the one given, else {@code value.op()}. */
  public String op(Value value) {
    return ops.getOrDefault(value, value.op());
  }

  /** Returns whether {@code value} was named as a parameter. */
  public boolean isParameter(Value value) {
    return parameters.contains(value);
  }

  /** Collects names, op texts and parameters; a later call for the same value replaces an earlier one. */
  public static final class Builder {

    private final Map<Value, String> names = new IdentityHashMap<>();
    private final Map<Value, String> ops = new IdentityHashMap<>();
    private final Set<Value> parameters = Collections.newSetFromMap(new IdentityHashMap<>());

    private Builder() {}

    /** Names {@code value}, such as {@code x1} or {@code layer1.y[0]}. */
    public Builder name(Value value, String name) {
      names.put(value, requireText(name, "name"));
      return this;
    }

    /**
     * Names {@code leaf} and marks it as a parameter, a leaf an optimizer updates.
     *
     * @throws IllegalArgumentException if {@code leaf} is the output of an op
     */
    public Builder parameter(Value leaf, String name) {
      if (!leaf.isLeaf()) {
        throw new IllegalArgumentException("parameter '" + name + "' is the output of '" + leaf.op()
            + "', not a leaf; only leaves made by Value.of are parameters.");
      }
      name(leaf, name);
      parameters.add(leaf);
      return this;
    }

    /**
     * Sets the text of the op node that made {@code value}, such as {@code ^2} for
     * {@code x.pow(2)} or {@code gelu} for {@code x.apply(gelu)}.
     *
     * @throws IllegalArgumentException if {@code value} is a leaf, which no op made
     */
    public Builder op(Value value, String text) {
      if (value.isLeaf()) {
        throw new IllegalArgumentException("op text '" + text + "' given for a leaf, which no op made;"
            + " name it with name() instead.");
      }
      ops.put(value, requireText(text, "op text"));
      return this;
    }

    /** Returns the labels collected so far. */
    public GraphLabels build() {
      return new GraphLabels(this);
    }

    private static String requireText(String text, String what) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank, was " + (text == null ? "null" : "'" + text + "'"));
      }
      return text;
    }
  }
}
