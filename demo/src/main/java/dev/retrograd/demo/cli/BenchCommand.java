package dev.retrograd.demo.cli;

import dev.retrograd.demo.bench.Benchmark;
import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retrograd bench}: the engine benchmark, eager, compiled and hand-written, in one JVM. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time training steps with the eager engine, replayed from compiled graphs (1 thread and every"
        + " core) and by hand over double[]: micrograd's demo (binary-op and fused graphs), the digits network"
        + " 64-32-10 and 784-128-10; then whole epochs of the trainer. Prints us, nodes and bytes per step and"
        + " the ratios to the hand-written floor. Takes about two minutes.")
public final class BenchCommand implements Callable<Integer> {

  /** Accepted like on every command; the benchmark uses the built-in plugins only. */
  @Mixin
  private PluginOptions plugins;

  @Option(names = "--only", paramLabel = "SECTION", split = ",",
      description = "Run only these sections: moons, mlp, epochs. Default: all.")
  private List<String> only;

  @Option(names = "--threads", paramLabel = "N",
      description = "The thread count of the \"every core\" rows. Default: every core.")
  private Integer threads;

  private final Provider<Plugins> registry;

  @Inject
  BenchCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    Set<String> sections = new LinkedHashSet<>(only == null ? Benchmark.SECTIONS : only);
    for (String section : sections) {
      if (!Benchmark.SECTIONS.contains(section)) {
        throw new IllegalArgumentException("Unknown bench section '" + section + "'; available: "
            + Benchmark.SECTIONS + ".");
      }
    }
    int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (count < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + count + ".");
    }
    PrintStream out = System.out;
    Benchmark.run(registry.get(), sections, count, out);
    return 0;
  }
}
