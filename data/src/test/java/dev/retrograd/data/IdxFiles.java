package dev.retrograd.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny IDX files for tests, byte by byte as the format describes them. */
public final class IdxFiles {

  private IdxFiles() {}

  /** Returns the bytes of an IDX file of unsigned bytes with these sizes and values. */
  public static byte[] idx(int[] sizes, int[] values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(new byte[] {0, 0, 0x08, (byte) sizes.length});
      for (int size : sizes) {
        out.writeInt(size);
      }
      for (int value : values) {
        out.writeByte(value);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  /** Returns {@code bytes} compressed with gzip. */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return compressed.toByteArray();
  }

  /** Writes {@code count} images of {@code rows}×{@code columns}: pixel p of image i is (i·7 + p·3) mod 256. */
  public static Path images(Path file, int count, int rows, int columns, boolean gzip) throws IOException {
    int[] values = new int[count * rows * columns];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rows * columns; p++) {
        values[i * rows * columns + p] = pixel(i, p);
      }
    }
    byte[] bytes = idx(new int[] {count, rows, columns}, values);
    return Files.write(file, gzip ? gzip(bytes) : bytes);
  }

  /** Returns the byte value of pixel {@code p} of image {@code i} in {@link #images}. */
  public static int pixel(int i, int p) {
    return (i * 7 + p * 3) % 256;
  }

  /** Writes the labels. */
  public static Path labels(Path file, boolean gzip, int... labels) throws IOException {
    byte[] bytes = idx(new int[] {labels.length}, labels);
    return Files.write(file, gzip ? gzip(bytes) : bytes);
  }
}
