package dev.retrograd.demo;

import dev.retrograd.demo.bench.Benchmark;

/** The {@code retrograd} command: the moons demo by default, {@code bench} for the benchmark. */
public final class Main {

  private Main() {}

  /** Runs the command named by {@code args[0]}, or the moons demo when there is none. */
  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "moons" : args[0];
    switch (command) {
      case "moons" -> new MoonsDemo(3).train(100, System.out);
      case "bench" -> Benchmark.main(new String[0]);
      default -> {
        System.err.println("Unknown command '" + command + "'; available: [bench, moons].");
        System.exit(2);
      }
    }
  }
}
