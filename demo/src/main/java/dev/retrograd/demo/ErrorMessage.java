package dev.retrograd.demo;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line the program prints for a failure: the exception's message, completed with the
 * cause when a file operation failed and the message names only a path. Java's file exceptions
 * carry their cause in their type ({@link AccessDeniedException}) and their message is just the
 * path, so {@code Cannot write checkpoint runs/a/checkpoint.txt: runs/a/checkpoint.txt.tmp} gains
 * {@code (permission denied)}.
 */
final class ErrorMessage {

  private ErrorMessage() {}

  /** Returns the line for {@code failure}, without the program's name. */
  static String of(Throwable failure) {
    String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    if (failure instanceof FileSystemException own && own.getReason() == null && cause(own) != null) {
      return own.getFile() + (own.getOtherFile() != null ? " -> " + own.getOtherFile() : "") + ": " + cause(own);
    }
    for (Throwable inner = failure.getCause(); inner != null && inner != failure; inner = inner.getCause()) {
      if (inner instanceof FileSystemException file) {
        String cause = file.getReason() != null ? file.getReason() : cause(file);
        boolean namesOnlyThePath = file.getMessage() != null && message.endsWith(file.getMessage());
        return cause != null && namesOnlyThePath ? message + " (" + cause + ")" : message;
      }
    }
    return message;
  }

  /** Returns what a file exception's type says went wrong, or null when its type does not say. */
  private static String cause(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return null;
  }
}
