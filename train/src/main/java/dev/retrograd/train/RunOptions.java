package dev.retrograd.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run reports and saves itself, apart from what it computes: listeners, a checkpoint file
 * written at the end of every epoch, and an optional early stop.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.none()
 *     .withListener(progressBar)
 *     .withCheckpoint(Path.of("out/checkpoint.txt"));
 * }</pre>
 *
 * @param listeners told about the run, in this order
 * @param checkpoint the checkpoint file rewritten after every epoch, or null for none
 * @param stopAfterEpoch stop after this epoch (counted from 1) as if interrupted, leaving the
 *     checkpoint to resume from; 0 to run every configured epoch
 */
public record RunOptions(List<TrainingListener> listeners, Path checkpoint, int stopAfterEpoch) {

  /** Checks and freezes the fields. */
  public RunOptions {
    listeners = List.copyOf(listeners);
    if (stopAfterEpoch < 0) {
      throw new IllegalArgumentException("stop-after epoch must be >= 1, or 0 for none, was " + stopAfterEpoch);
    }
  }

  /** Returns no listeners, no checkpoint and no early stop. */
  public static RunOptions none() {
    return new RunOptions(List.of(), null, 0);
  }

  /** Returns a copy with {@code listener} added after the others. */
  public RunOptions withListener(TrainingListener listener) {
    List<TrainingListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new RunOptions(more, checkpoint, stopAfterEpoch);
  }

  /** Returns a copy that writes a checkpoint to {@code file} after every epoch. */
  public RunOptions withCheckpoint(Path file) {
    return new RunOptions(listeners, file, stopAfterEpoch);
  }

  /** Returns a copy that stops after epoch {@code epoch}, counted from 1. */
  public RunOptions withStopAfterEpoch(int epoch) {
    return new RunOptions(listeners, checkpoint, epoch);
  }

  /** Returns the checkpoint file, if any. */
  public Optional<Path> checkpointFile() {
    return Optional.ofNullable(checkpoint);
  }
}
