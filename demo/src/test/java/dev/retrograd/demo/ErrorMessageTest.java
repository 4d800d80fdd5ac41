package dev.retrograd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A failure's line names the cause a file exception carries only in its type. */
class ErrorMessageTest {

  @Test
  void a_checkpoint_that_cannot_be_written_says_permission_denied() {
    AccessDeniedException denied = new AccessDeniedException("runs/a/checkpoint.txt.1234.tmp");
    UncheckedIOException failure = new UncheckedIOException(
        "Cannot write checkpoint runs/a/checkpoint.txt: " + denied.getMessage(), denied);

    assertThat(ErrorMessage.of(failure)).isEqualTo("Cannot write checkpoint runs/a/checkpoint.txt:"
        + " runs/a/checkpoint.txt.1234.tmp (permission denied)");
  }

  @Test
  void a_bare_file_exception_becomes_path_and_cause() {
    assertThat(ErrorMessage.of(new AccessDeniedException("runs/a"))).isEqualTo("runs/a: permission denied");
    assertThat(ErrorMessage.of(new NoSuchFileException("iris.csv"))).isEqualTo("iris.csv: no such file or folder");
  }

  @Test
  void a_message_that_already_says_why_is_left_alone() {
    IOException said = new IOException("Cannot read iris.csv: no such file", new NoSuchFileException("iris.csv"));

    assertThat(ErrorMessage.of(said)).isEqualTo("Cannot read iris.csv: no such file");
    assertThat(ErrorMessage.of(new IllegalStateException("plain"))).isEqualTo("plain");
    assertThat(ErrorMessage.of(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
  }
}
