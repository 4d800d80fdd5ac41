package dev.retrograd.autograd.internal;

import dev.retrograd.api.Activation;
import dev.retrograd.autograd.Value;
import java.lang.invoke.MethodHandles;

/**
 * Builds the fused neuron node f(w·x + b) over the caller's own arrays: the hot path of the layers in
 * {@code dev.retrograd.nn}. <b>Not an API</b>: users build the same node with
 * {@code Value.dot(weights, inputs, bias).apply(f)}, which copies its arrays.
 *
 * <pre>{@code
 * Value y = Nodes.neuron(weights, x, bias, relu);   // y = relu(w·x + b), one node
 * }</pre>
 *
 * <p><b>The arrays are kept as given, not copied: the caller never changes them afterwards.</b> A
 * network calls this for every neuron of every example, and copying both arrays in the benchmark's
 * Mlp step (3,300 neuron nodes) made it a fifth to a half slower and more than doubled the bytes it
 * allocates. {@code Neuron} passes its own weights, which it never writes, and {@code Layer} passes
 * one copy of each input row, shared by all its neurons.
 *
 * <p>The node is made by {@code Value}'s private factory, which {@code Value} hands to this class
 * when it is initialized ({@link #install}), so {@code Value} needs no public method for it.
 */
public final class Nodes {

  /** Value's private factory of weighted-sum nodes, as {@link #install} receives it. */
  @FunctionalInterface
  public interface NeuronFactory {

    /** Returns f(Σ w<sub>i</sub>·x<sub>i</sub> + bias) as one node over these very arrays. */
    Value neuron(Value[] weights, Value[] inputs, Value bias, Activation f);
  }

  private static NeuronFactory installed;

  private Nodes() {}

  /**
   * Returns f(Σ w<sub>i</sub>·x<sub>i</sub> + bias) as one node over these arrays, kept as given. Its
   * backward multiplies the incoming gradient by f'(s) at the weighted sum s, then applies the rule of
   * {@code Value.dot}: ∂/∂w<sub>i</sub> = x<sub>i</sub>, ∂/∂x<sub>i</sub> = w<sub>i</sub>, ∂/∂bias = 1.
   * Its {@code op()} is "neuron", or "dot" when f is null; its inputs are the weights, then the
   * inputs, then the bias.
   *
   * @param bias the bias, or null for none
   * @param f the activation, or null for a linear neuron
   * @throws IllegalArgumentException if the lengths differ
   */
  public static Value neuron(Value[] weights, Value[] inputs, Value bias, Activation f) {
    return Installed.FACTORY.neuron(weights, inputs, bias, f);
  }

  /**
   * Receives {@code Value}'s factory; {@code Value}'s static initializer calls this, once.
   *
   * @throws IllegalStateException if any other class calls it
   */
  public static synchronized void install(NeuronFactory factory) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    if (caller != Value.class) {
      throw new IllegalStateException("Nodes.install is for Value's static initializer, which hands over its "
          + "factory itself; it was called by " + caller.getName() + ". Build neuron nodes with Nodes.neuron.");
    }
    installed = factory;
  }

  private static synchronized NeuronFactory installed() {
    return installed;
  }

  /** The installed factory as a constant the JIT can inline; reading it first initializes {@code Value}. */
  private static final class Installed {

    static final NeuronFactory FACTORY = initializeValueThenRead();

    private static NeuronFactory initializeValueThenRead() {
      try {
        MethodHandles.lookup().ensureInitialized(Value.class);
      } catch (IllegalAccessException e) {
        throw new AssertionError("Value is public, so this lookup can always initialize it", e);
      }
      return installed();
    }
  }
}
