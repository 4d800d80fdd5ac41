package dev.retrograd.data;

/**
 * An IDX file (MNIST's format) that cannot be read as images or labels; the message names the
 * file, says what was found and what was expected, and what to do.
 */
public final class IdxFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its complete message. */
  public IdxFormatException(String message) {
    super(message);
  }
}
