package dev.retrograd.demo.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written by a UTF-8 {@link java.io.PrintStream} passed on to a {@link PrintWriter}, so code
 * that prints to a stream reports through the command's writer. Closing it does not close the writer.
 */
final class WriterStream extends OutputStream {

  private final PrintWriter writer;

  WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    writer.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    writer.flush();
  }

  @Override
  public void close() {
    writer.flush();
  }
}
