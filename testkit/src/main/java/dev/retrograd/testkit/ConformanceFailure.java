package dev.retrograd.testkit;

/**
 * A plugin failed a conformance check. The message names the plugin, the check and the numbers:
 * {@code Optimizer 'sgd' fails 'decreases a convex quadratic': f went from 3.1 to 3.4 in 500 steps.}
 */
public final class ConformanceFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  ConformanceFailure(String kind, String plugin, String check, String numbers) {
    super(kind + " '" + plugin + "' fails '" + check + "': " + numbers);
  }
}
