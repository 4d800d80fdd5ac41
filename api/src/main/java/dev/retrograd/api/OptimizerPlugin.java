package dev.retrograd.api;

/**
 * A plugin that makes {@link Optimizer}s; registered in {@code META-INF/services/dev.retrograd.api.OptimizerPlugin}.
 */
public interface OptimizerPlugin extends Plugin<Optimizer> {}
