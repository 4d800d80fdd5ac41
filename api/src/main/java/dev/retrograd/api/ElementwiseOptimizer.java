package dev.retrograd.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer whose rule updates each parameter from its own gradient and its own state: the
 * author writes only {@link #update(Element)}.
 *
 * <p>The state is one array per named buffer, one entry per parameter, plus the step count; it is
 * what {@link #state()} saves and {@link #loadState(Map)} restores. Sign-SGD in full:
 *
 * <pre>{@code
 * final class SignSgd extends ElementwiseOptimizer {
 *   SignSgd(double lr) { super(lr); }
 *
 *   @Override protected void update(Element e) {
 *     e.set(e.value() - learningRate() * Math.signum(e.gradient()));  // θ ← θ − lr·sign(g)
 *   }
 * }
 * }</pre>
 *
 * <p>Momentum, by contrast, declares a buffer and reads it with {@code e.buffer(0)}.
 */
public abstract class ElementwiseOptimizer implements Optimizer {

  /** The name under which {@link #state()} saves the step count. */
  public static final String STEP = "step";

  private double learningRate;
  private final List<String> bufferNames;
  private double[][] buffers;
  private int size = -1;
  private long steps;
  private final Element element = new Element();

  /**
   * Creates an optimizer with per-parameter buffers named {@code bufferNames}, such as
   * {@code "exp_avg"}; buffer k is read by {@code element.buffer(k)}.
   */
  protected ElementwiseOptimizer(double learningRate, String... bufferNames) {
    this.learningRate = learningRate;
    this.bufferNames = List.of(bufferNames);
    if (this.bufferNames.contains(STEP)) {
      throw new IllegalArgumentException("'" + STEP + "' is reserved for the step count");
    }
  }

  /** Applies the rule to one element; read and write through {@code element}. */
  protected abstract void update(Element element);

  /**
   * Called once at the start of every step, after the step count has grown and before any
   * element is updated: the place to compute per-step factors such as Adam's bias corrections.
   * Does nothing unless overridden.
   */
  protected void beginStep() {}

  /** Returns the value buffer {@code name} starts at before the first step; 0 unless overridden. */
  protected double initialValue(String name) {
    return 0;
  }

  /** Returns the number of steps taken, counting the one in progress: 1 during the first. */
  protected final long steps() {
    return steps;
  }

  @Override
  public final void step(Parameters parameters) {
    if (buffers == null) {
      size = parameters.size();
      buffers = new double[bufferNames.size()][size];
      for (int k = 0; k < buffers.length; k++) {
        Arrays.fill(buffers[k], initialValue(bufferNames.get(k)));
      }
    } else if (size < 0) {
      size = parameters.size();
    } else if (parameters.size() != size) {
      throw new IllegalArgumentException("This optimizer was set up for " + size
          + " parameters but was given " + parameters.size() + "; pass the same parameters to every step.");
    }
    steps++;
    beginStep();
    element.parameters = parameters;
    for (int i = 0; i < size; i++) {
      element.index = i;
      update(element);
    }
    element.parameters = null;
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, was " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public Map<String, double[]> state() {
    Map<String, double[]> state = new LinkedHashMap<>();
    if (steps == 0) {
      return state;
    }
    state.put(STEP, new double[] {steps});
    for (int k = 0; k < bufferNames.size(); k++) {
      state.put(bufferNames.get(k), buffers[k].clone());
    }
    return state;
  }

  @Override
  public void loadState(Map<String, double[]> state) {
    if (state.isEmpty()) {
      steps = 0;
      buffers = null;
      size = -1;
      return;
    }
    List<String> expected = new java.util.ArrayList<>(bufferNames);
    expected.add(0, STEP);
    if (!state.keySet().equals(new java.util.HashSet<>(expected))) {
      throw new IllegalArgumentException("Optimizer state has buffers " + state.keySet()
          + " but this optimizer keeps " + expected + "; was it saved by a different optimizer?");
    }
    double[] step = state.get(STEP);
    if (step.length != 1 || step[0] < 1 || step[0] != Math.rint(step[0])) {
      throw new IllegalArgumentException("Optimizer state's step must be one whole number >= 1, was "
          + Arrays.toString(step));
    }
    double[][] loaded = new double[bufferNames.size()][];
    for (int k = 0; k < loaded.length; k++) {
      loaded[k] = state.get(bufferNames.get(k)).clone();
      if (loaded[k].length != loaded[0].length) {
        throw new IllegalArgumentException("Optimizer buffer '" + bufferNames.get(k) + "' has "
            + loaded[k].length + " entries but '" + bufferNames.get(0) + "' has " + loaded[0].length);
      }
    }
    steps = (long) step[0];
    buffers = loaded;
    size = loaded.length > 0 ? loaded[0].length : -1;
  }

  /** One parameter during a step: its value, gradient and buffers. Valid only inside update. */
  public final class Element {

    private Parameters parameters;
    private int index;

    private Element() {}

    /** Returns the parameter's index. */
    public int index() {
      return index;
    }

    /** Returns the parameter's value θ. */
    public double value() {
      return parameters.value(index);
    }

    /** Returns the gradient g of the loss with respect to θ. */
    public double gradient() {
      return parameters.gradient(index);
    }

    /** Sets θ. */
    public void set(double value) {
      parameters.set(index, value);
    }

    /** Returns this element's entry of buffer {@code k}. */
    public double buffer(int k) {
      return buffers[k][index];
    }

    /** Sets this element's entry of buffer {@code k}. */
    public void setBuffer(int k, double value) {
      buffers[k][index] = value;
    }
  }
}
