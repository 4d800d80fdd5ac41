package dev.retrograd.data;

/**
 * A CSV file that cannot be read as a data set; the message names the file and, where there is
 * one, the line and the field, says what was expected, and what to change.
 */
public final class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its complete message. */
  public CsvFormatException(String message) {
    super(message);
  }
}
