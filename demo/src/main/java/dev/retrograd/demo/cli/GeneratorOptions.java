package dev.retrograd.demo.cli;

import picocli.CommandLine.Option;

/**
 * How a generated data set (moons, circles, spiral, xor, sine) is drawn: the options {@code train}
 * generates it with and {@code evaluate} and {@code predict} draw it again with.
 */
final class GeneratorOptions {

  @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
      description = "Points to generate for moons, circles, spiral, xor and sine. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(names = "--noise", paramLabel = "X", defaultValue = "0.1",
      description = "Noise of a generated data set. Default: ${DEFAULT-VALUE}.")
  double noise;

  @Option(names = "--classes", paramLabel = "K", defaultValue = "3",
      description = "Arms of the spiral data set. Default: ${DEFAULT-VALUE}.")
  int classes;
}
