package dev.retrograd.train;

import java.util.random.RandomGenerator;

/**
 * Steele, Lea and Flood's SplitMix64 generator (the {@code splitmix64.c} of Vigna), whose whole
 * state is one {@code long} that can be saved and restored: a checkpoint stores it so a resumed
 * run draws the same shuffles as an uninterrupted one. {@code java.util}'s generators cannot
 * export their state.
 *
 * <pre>
 * state ← state + 0x9E3779B97F4A7C15
 * z ← (state ⊕ (state ⋙ 30))·0xBF58476D1CE4E5B9
 * z ← (z ⊕ (z ⋙ 27))·0x94D049BB133111EB
 * return z ⊕ (z ⋙ 31)
 * </pre>
 *
 * <p>Seed 0 gives 0xE220A8397B1DCDAF first. Not thread-safe.
 */
public final class SplitMix64 implements RandomGenerator {

  private long state;

  /** Creates a generator whose state is {@code seed}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** Returns the state; {@link #restore} with it continues the same sequence. */
  public long state() {
    return state;
  }

  /** Replaces the state with one returned by {@link #state()}. */
  public void restore(long state) {
    this.state = state;
  }

  @Override
  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Returns a uniform int in [0, bound) by rejection, as {@code java.util.Random.nextInt(int)} does,
   * so the draws do not depend on the JDK's default algorithm.
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, was " + bound);
    }
    int bits;
    int value;
    do {
      bits = (int) (nextLong() >>> 33);
      value = bits % bound;
    } while (bits - value + (bound - 1) < 0);
    return value;
  }

  /** Shuffles {@code indices} in place by Fisher–Yates, drawing with {@link #nextInt(int)}. */
  public void shuffle(int[] indices) {
    for (int i = indices.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
  }
}
