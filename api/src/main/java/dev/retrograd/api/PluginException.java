package dev.retrograd.api;

/**
 * A plugin could not be found, loaded or configured. The message says what happened, what exists
 * and what to do.
 */
public class PluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what happened and what to do. */
  public PluginException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
