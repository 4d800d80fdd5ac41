package dev.retrograd.plugins.initializers;

import java.util.random.RandomGenerator;

/** A generator whose nextGaussian() returns given numbers in order; any other draw fails. */
final class ScriptedGaussians implements RandomGenerator {

  private final double[] values;
  private int next;

  ScriptedGaussians(double... values) {
    this.values = values.clone();
  }

  @Override
  public double nextGaussian() {
    return values[next++];
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("only nextGaussian() is scripted");
  }

  /** Returns how many numbers were drawn. */
  int drawn() {
    return next;
  }
}
