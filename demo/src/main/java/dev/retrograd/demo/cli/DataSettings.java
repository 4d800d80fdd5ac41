package dev.retrograd.demo.cli;

import dev.retrograd.data.Task;
import java.nio.file.Path;

/**
 * The data options of a {@code train} command, as a {@link DataSource} reads them.
 *
 * @param file the CSV file of {@code --data}, or null
 * @param target the CSV column to predict, or null for the last one
 * @param task classification or regression for a CSV file, or null to infer it
 * @param samples how many points a generated data set has
 * @param noise the noise of a generated data set
 * @param classes the number of arms of the spiral
 * @param seed the seed a generated data set is drawn from
 */
public record DataSettings(Path file, String target, Task task, int samples, double noise, int classes, long seed) {}
