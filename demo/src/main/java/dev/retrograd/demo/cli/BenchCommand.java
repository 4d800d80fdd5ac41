package dev.retrograd.demo.cli;

import dev.retrograd.demo.bench.Benchmark;
import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code retrograd bench}: the engine benchmark on micrograd's demo task. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time micrograd's demo task three ways: a graph of binary ops, a graph of fused neurons,"
        + " and hand-written arrays; print µs, nodes and bytes per step and the ratios.")
public final class BenchCommand implements Callable<Integer> {

  /** Accepted like on every command; the benchmark's variants use no plugin, so it only checks the paths. */
  @Mixin
  private PluginOptions plugins;

  private final Provider<Plugins> registry;

  @Inject
  BenchCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    registry.get();
    Benchmark.main(new String[0]);
    return 0;
  }
}
