package dev.retrograd.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How a run reports and saves itself, apart from what it computes: listeners, a checkpoint file
 * written at the end of every epoch, an optional early stop, and a stop request asked before every
 * step.
 *
 * <pre>{@code
 * AtomicBoolean interrupted = new AtomicBoolean();
 * RunOptions options = RunOptions.none()
 *     .withListener(progressBar)
 *     .withCheckpoint(Path.of("out/checkpoint.txt"))
 *     .withStopRequest(interrupted::get);
 * }</pre>
 *
 * @param listeners told about the run, in this order
 * @param checkpoint the checkpoint file rewritten after every epoch, or null for none
 * @param stopAfterEpoch stop after this epoch (counted from 1) as if interrupted, leaving the
 *     checkpoint to resume from; 0 to run every configured epoch
 * @param stopRequest asked before every step; once it answers true the run stops there, as
 *     {@link TrainingResult#stopped()} describes
 */
public record RunOptions(List<TrainingListener> listeners, Path checkpoint, int stopAfterEpoch,
    BooleanSupplier stopRequest) {

  /** Never asks a run to stop. */
  private static final BooleanSupplier NEVER = () -> false;

  /** Checks and freezes the fields. */
  public RunOptions {
    listeners = List.copyOf(listeners);
    if (stopAfterEpoch < 0) {
      throw new IllegalArgumentException("stop-after epoch must be >= 1, or 0 for none, was " + stopAfterEpoch);
    }
    Objects.requireNonNull(stopRequest, "stopRequest");
  }

  /** Returns no listeners, no checkpoint, no early stop and no stop request. */
  public static RunOptions none() {
    return new RunOptions(List.of(), null, 0, NEVER);
  }

  /** Returns a copy with {@code listener} added after the others. */
  public RunOptions withListener(TrainingListener listener) {
    List<TrainingListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new RunOptions(more, checkpoint, stopAfterEpoch, stopRequest);
  }

  /** Returns a copy that writes a checkpoint to {@code file} after every epoch. */
  public RunOptions withCheckpoint(Path file) {
    return new RunOptions(listeners, file, stopAfterEpoch, stopRequest);
  }

  /** Returns a copy that stops after epoch {@code epoch}, counted from 1. */
  public RunOptions withStopAfterEpoch(int epoch) {
    return new RunOptions(listeners, checkpoint, epoch, stopRequest);
  }

  /**
   * Returns a copy that asks {@code request} before every step whether to stop, as a signal
   * handler would set it; it is called on the training thread and must be cheap.
   */
  public RunOptions withStopRequest(BooleanSupplier request) {
    return new RunOptions(listeners, checkpoint, stopAfterEpoch, request);
  }

  /** Returns the checkpoint file, if any. */
  public Optional<Path> checkpointFile() {
    return Optional.ofNullable(checkpoint);
  }

  /** Returns whether a run was asked to stop. */
  boolean stopRequested() {
    return stopRequest.getAsBoolean();
  }

  /** Returns whether a stop request was given at all. */
  boolean canBeStopped() {
    return stopRequest != NEVER;
  }
}
