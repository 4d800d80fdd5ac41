package dev.retrograd.demo.bench;

/** Placeholder replaced by the benchmark. */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) {}
}
