package dev.retrograd.api;

/**
 * A plugin that makes {@link Activation}s; registered in {@code META-INF/services/dev.retrograd.api.ActivationPlugin}.
 */
public interface ActivationPlugin extends Plugin<Activation> {}
