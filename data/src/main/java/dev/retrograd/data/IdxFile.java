package dev.retrograd.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of the MNIST files, raw or gzip-compressed (told apart by the gzip magic
 * bytes {@code 1F 8B}, not by the file name): the images of an {@code idx3-ubyte} file scaled to
 * pixel / 255 ∈ [0, 1], and the labels of an {@code idx1-ubyte} file.
 *
 * <pre>
 * IdxFile.Images images = IdxFile.images(Path.of("t10k-images-idx3-ubyte.gz"), 100);   // the first 100
 * int[] labels = IdxFile.labels(Path.of("t10k-labels-idx1-ubyte.gz"), 100);
 * </pre>
 *
 * <p>The format (big-endian): two zero bytes, a type byte ({@code 08} for unsigned bytes, the only
 * type MNIST uses), the number of dimensions, one 32-bit size per dimension, then the values in
 * row-major order. Images have 3 dimensions (count, rows, columns), labels 1 (count).
 *
 * <p><b>Every problem with the content is an {@link IdxFormatException} naming the file</b>: a
 * wrong magic number (not an IDX file, or the wrong kind), a value type other than unsigned bytes,
 * sizes that are not positive, or data that ends before the declared count (a truncated
 * download). A file that cannot be read is an {@link IOException} naming the path and the cause.
 */
public final class IdxFile {

  /** The magic number's type byte for unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  /** The largest pixel value; features are pixel / 255. */
  public static final double MAX_PIXEL = 255.0;

  private IdxFile() {}

  /**
   * Images read from an IDX file.
   *
   * @param rows the height of each image
   * @param columns the width of each image
   * @param pixels one row per image, {@code rows · columns} values in [0, 1], row-major
   * @param declared how many images the file declares, which may be more than were read
   */
  public record Images(int rows, int columns, double[][] pixels, int declared) {

    /** Returns the feature names of the pixels, {@code pixel_r_c}, row-major (see {@link ImageShape}). */
    public List<String> featureNames() {
      return ImageShape.featureNames(rows, columns);
    }
  }

  /**
   * Returns the first {@code limit} images of {@code file} (all of them for {@code limit} 0).
   *
   * @throws IdxFormatException if the file is not an IDX file of images, or is truncated
   * @throws IOException naming the path and the cause when it cannot be read
   */
  public static Images images(Path file, int limit) throws IOException {
    requireLimit(limit);
    try (DataInputStream in = open(file)) {
      int[] sizes = header(file, in, 3, "images (3 dimensions: count, rows, columns)");
      int count = limit == 0 ? sizes[0] : Math.min(limit, sizes[0]);
      int width = sizes[1] * sizes[2];
      double[][] pixels = new double[count][width];
      byte[] buffer = new byte[width];
      for (int i = 0; i < count; i++) {
        if (in.readNBytes(buffer, 0, width) < width) {
          throw new IdxFormatException(String.format(Locale.ROOT, "%s is truncated: it declares %d images of %d×%d"
              + " pixels but ends inside image %d; download it again", TextFile.nameOf(file), sizes[0], sizes[1],
              sizes[2], i + 1));
        }
        for (int p = 0; p < width; p++) {
          pixels[i][p] = (buffer[p] & 0xff) / MAX_PIXEL;
        }
      }
      return new Images(sizes[1], sizes[2], pixels, sizes[0]);
    } catch (EOFException | ZipException e) {
      throw truncated(file, e);
    }
  }

  /**
   * Returns the first {@code limit} labels of {@code file} (all of them for {@code limit} 0).
   *
   * @throws IdxFormatException if the file is not an IDX file of labels, or is truncated
   * @throws IOException naming the path and the cause when it cannot be read
   */
  public static int[] labels(Path file, int limit) throws IOException {
    requireLimit(limit);
    try (DataInputStream in = open(file)) {
      int[] sizes = header(file, in, 1, "labels (1 dimension: count)");
      int count = limit == 0 ? sizes[0] : Math.min(limit, sizes[0]);
      byte[] buffer = new byte[count];
      int read = in.readNBytes(buffer, 0, count);
      if (read < count) {
        throw new IdxFormatException(TextFile.nameOf(file) + " is truncated: it declares " + sizes[0]
            + " labels but holds " + read + "; download it again");
      }
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = buffer[i] & 0xff;
      }
      return labels;
    } catch (EOFException | ZipException e) {
      throw truncated(file, e);
    }
  }

  /**
   * Returns how many items {@code file} declares in its header, without reading them.
   *
   * @throws IdxFormatException if the file is not an IDX file with {@code dimensions} dimensions
   * @throws IOException naming the path and the cause when it cannot be read
   */
  static int declaredCount(Path file, int dimensions, String kind) throws IOException {
    try (DataInputStream in = open(file)) {
      return header(file, in, dimensions, kind)[0];
    } catch (EOFException | ZipException e) {
      throw truncated(file, e);
    }
  }

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the limit must be >= 1, or 0 for all, was " + limit);
    }
  }

  /** Opens {@code file}, through gzip if it starts with gzip's magic bytes. */
  private static DataInputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("Cannot read " + file + ": it is a folder, not a file");
    }
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new IOException("Cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException("Cannot read " + file + ": permission denied", e);
    }
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    InputStream content = first == 0x1f && second == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16),
        1 << 16) : raw;
    return new DataInputStream(content);
  }

  /** Reads and checks the magic number and the sizes; returns the sizes. */
  private static int[] header(Path file, DataInputStream in, int dimensions, String kind) throws IOException {
    String name = TextFile.nameOf(file);
    byte[] magic = new byte[4];
    int read = in.readNBytes(magic, 0, 4);
    if (read < 4 || magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(name + " is not an IDX file: it starts with " + hex(magic, read)
          + ", and an IDX file starts with 00 00 08 and its number of dimensions; give MNIST's"
          + " train-images-idx3-ubyte or train-labels-idx1-ubyte files (raw or .gz)");
    }
    if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
      throw new IdxFormatException(String.format(Locale.ROOT, "%s holds IDX values of type 0x%02X; only unsigned"
          + " bytes (0x08) are read, as MNIST's files hold", name, magic[2] & 0xff));
    }
    if (magic[3] != dimensions) {
      throw new IdxFormatException(name + " holds IDX data of " + magic[3] + " dimension" + (magic[3] == 1 ? "" : "s")
          + (magic[3] == 1 ? " (labels)" : magic[3] == 3 ? " (images)" : "") + "; expected " + kind);
    }
    int[] sizes = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      sizes[d] = in.readInt();
      if (sizes[d] <= 0) {
        throw new IdxFormatException(name + " declares size " + sizes[d] + " for dimension " + (d + 1)
            + "; sizes must be positive");
      }
    }
    return sizes;
  }

  private static String hex(byte[] bytes, int count) {
    if (count <= 0) {
      return "nothing (the file is empty)";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(String.format(Locale.ROOT, "%02X", bytes[i] & 0xff));
    }
    return String.join(" ", parts);
  }

  /** Returns the failure of a file whose bytes end early or whose gzip data are corrupt. */
  private static IdxFormatException truncated(Path file, IOException e) {
    String name = TextFile.nameOf(file);
    if (e instanceof ZipException) {
      return new IdxFormatException(name + " is damaged: its gzip data are corrupt (" + e.getMessage()
          + "); download it again");
    }
    if (e.getMessage() != null && e.getMessage().contains("ZLIB")) {
      return new IdxFormatException(name + " is truncated: its gzip data end early; download it again");
    }
    return new IdxFormatException(name + " is truncated: it ends inside its IDX header; download it again");
  }

}
