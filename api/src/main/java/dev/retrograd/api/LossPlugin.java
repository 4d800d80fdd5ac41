package dev.retrograd.api;

/**
 * A plugin that makes {@link Loss}s; registered in {@code META-INF/services/dev.retrograd.api.LossPlugin}.
 */
public interface LossPlugin extends Plugin<Loss> {}
