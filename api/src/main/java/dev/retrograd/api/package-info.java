/** The plugin SPI (activations, losses, initializers, optimizers) and the registry that finds plugins. */
package dev.retrograd.api;
