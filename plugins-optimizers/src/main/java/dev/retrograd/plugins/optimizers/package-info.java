/** The built-in optimizers (sgd, adam, adamw, lion, rmsprop, adagrad), each exact to its PyTorch or paper formula. */
package dev.retrograd.plugins.optimizers;
