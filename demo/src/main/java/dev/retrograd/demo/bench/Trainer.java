package dev.retrograd.demo.bench;

/**
 * One way of running {@link MoonsTask}: each {@link #step(int)} is one full-batch SGD step.
 *
 * <p><b>Every implementation computes the same numbers:</b> from the task's initial parameters,
 * step k gives the same loss and leaves the same parameters, whatever the way of computing them.
 */
interface Trainer {

  /** Returns the name shown in the benchmark's table. */
  String name();

  /** Puts the parameters back to the task's initial values, without allocating. */
  void reset();

  /**
   * Runs step k: zero the gradients, forward, loss, backward, then p ← p − lr<sub>k</sub>·∂L/∂p.
   *
   * @return the loss L of the parameters before the update
   */
  double step(int k);

  /** Returns a copy of the parameters, in the task's canonical order. */
  double[] parameters();

  /**
   * Returns the number of graph nodes (ops and leaves) that one step builds, 0 without a graph.
   * Builds a graph to count it: call it outside any timed region.
   */
  int nodesPerStep();
}
