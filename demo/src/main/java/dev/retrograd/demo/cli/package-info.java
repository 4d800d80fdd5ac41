/** The commands of the {@code retrograd} program: train, plugins, experiment and bench. */
package dev.retrograd.demo.cli;
