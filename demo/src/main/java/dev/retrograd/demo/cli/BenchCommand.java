package dev.retrograd.demo.cli;

import dev.retrograd.demo.bench.Benchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code retrograd bench}: the engine benchmark on micrograd's demo task. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time micrograd's demo task three ways: a graph of binary ops, a graph of fused neurons,"
        + " and hand-written arrays; print µs, nodes and bytes per step and the ratios.")
public final class BenchCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Benchmark.main(new String[0]);
    return 0;
  }
}
