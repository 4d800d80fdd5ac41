package dev.retrograd.api;

/**
 * A plugin that makes {@link Initializer}s; registered in {@code META-INF/services/dev.retrograd.api.InitializerPlugin}.
 */
public interface InitializerPlugin extends Plugin<Initializer> {}
