package dev.retrograd.train;

/**
 * Thrown when a checkpoint cannot be read (corrupted or truncated) or does not belong to the run
 * resuming from it (another architecture, optimizer or setting); the message says what differs.
 */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public CheckpointException(String message) {
    super(message);
  }

  /** Creates the exception with its message and cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
