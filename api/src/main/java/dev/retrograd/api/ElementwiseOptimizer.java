package dev.retrograd.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
 *
 * <p>A rule that reads and writes only its own element (its value, gradient and buffer entries, and
 * fields that {@link #beginStep()} set) may say so by overriding {@link #updatesOnlyItsElement()};
 * a trainer that runs on several threads then updates disjoint ranges of elements at once
 * ({@link #step(Parameters, ExecutorService, int)}), with the same numbers bit for bit.
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
  /** The elements of the ranges a parallel step updates, one per range; element 0 is {@link #element}. */
  private Element[] rangeElements = {element};

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

  /**
   * Returns whether {@link #update(Element)} reads and writes nothing but its element and fields
   * that {@link #beginStep()} set, so that disjoint ranges of elements can be updated on several
   * threads at once; false unless overridden. A rule that keeps anything else across elements (a
   * running sum, a counter) must leave it false.
   */
  public boolean updatesOnlyItsElement() {
    return false;
  }

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
    beginStepOf(parameters);
    updateRange(element, parameters, 0, size);
  }

  /**
   * Does what {@link #step(Parameters)} does, with the elements cut into {@code ranges} ranges of
   * consecutive indices that are updated at once: the first on the calling thread, the others on
   * {@code executor}. The result is that of {@link #step(Parameters)} bit for bit, since each
   * element's update depends on that element only. An optimizer whose
   * {@link #updatesOnlyItsElement()} is false, or {@code ranges} of 1, steps on the calling thread.
   *
   * @throws IllegalArgumentException if {@code ranges} is below 1, or {@code parameters} is not the
   *     size of the earlier steps' parameters
   */
  public final void step(Parameters parameters, ExecutorService executor, int ranges) {
    if (ranges < 1) {
      throw new IllegalArgumentException("ranges must be >= 1, was " + ranges);
    }
    if (ranges == 1 || !updatesOnlyItsElement()) {
      step(parameters);
      return;
    }
    beginStepOf(parameters);
    if (rangeElements.length != ranges) {
      rangeElements = new Element[ranges];
      rangeElements[0] = element;
      for (int k = 1; k < ranges; k++) {
        rangeElements[k] = new Element();
      }
    }
    List<Future<?>> running = new java.util.ArrayList<>(ranges - 1);
    for (int k = 1; k < ranges; k++) {
      Element range = rangeElements[k];
      int from = (int) ((long) k * size / ranges);
      int to = (int) ((long) (k + 1) * size / ranges);
      running.add(executor.submit(() -> updateRange(range, parameters, from, to)));
    }
    updateRange(element, parameters, 0, size / ranges);
    for (Future<?> range : running) {
      await(range);
    }
  }

  /** Checks the size, sets up the buffers on the first step, counts the step and calls {@link #beginStep()}. */
  private void beginStepOf(Parameters parameters) {
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
  }

  /** Applies the rule to the elements [from, to) through {@code cursor}. */
  private void updateRange(Element cursor, Parameters parameters, int from, int to) {
    cursor.parameters = parameters;
    for (int i = from; i < to; i++) {
      cursor.index = i;
      update(cursor);
    }
    cursor.parameters = null;
  }

  private static void await(Future<?> range) {
    // a range takes a fraction of a millisecond: spin a little before sleeping, as waking costs as much
    long until = System.nanoTime() + 200_000;
    while (!range.isDone() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    try {
      range.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while an optimizer step ran on other threads", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("An optimizer step failed on another thread: " + e.getCause(), e.getCause());
    }
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
