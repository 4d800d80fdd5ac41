package dev.retrograd.demo;

import dev.retrograd.api.PluginException;
import dev.retrograd.api.Plugins;
import dev.retrograd.demo.bench.Benchmark;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code retrograd} command: the moons demo by default, {@code plugins [JAR…]} to list every
 * plugin, {@code bench} for the benchmark.
 */
public final class Main {

  private Main() {}

  /** Runs the command named by {@code args[0]}, or the moons demo when there is none. */
  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "moons" : args[0];
    try {
      switch (command) {
        case "moons" -> new MoonsDemo(3).train(100, System.out);
        case "plugins" -> System.out.print(
            Plugins.load(Arrays.stream(args).skip(1).map(Path::of).toList()).describe());
        case "bench" -> Benchmark.main(new String[0]);
        default -> fail("Unknown command '" + command + "'; available: [bench, moons, plugins].");
      }
    } catch (PluginException e) {
      fail(e.getMessage());
    }
  }

  private static void fail(String reason) {
    System.err.println(reason);
    System.exit(2);
  }
}
