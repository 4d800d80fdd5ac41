package dev.retrograd.demo.runfiles;

import java.nio.file.Path;
import java.util.List;

/** Some files of a run could not be written; the others were. The message names both. */
public final class RunFilesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Path> written;

  /** Creates the exception over the files that were written. */
  RunFilesException(List<Path> written, String message) {
    super(message);
    this.written = List.copyOf(written);
  }

  /** Returns the files that were written. */
  public List<Path> written() {
    return written;
  }
}
