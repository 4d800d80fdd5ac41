package dev.retrograd.demo.bench;

/**
 * What the benchmark found for one {@link Trainer}.
 *
 * @param name the trainer's name
 * @param microsPerStep the median time of one step, in microseconds
 * @param nodesPerStep the graph nodes built by one step, 0 without a graph
 * @param bytesPerStep the bytes allocated by one step on average, or −1 if the JVM cannot tell
 * @param finalLoss the loss computed by the last step of a run
 * @param finalParameters the parameters after the last step of a run
 */
record Measurement(
    String name,
    double microsPerStep,
    int nodesPerStep,
    double bytesPerStep,
    double finalLoss,
    double[] finalParameters) {}
