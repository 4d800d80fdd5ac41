package dev.retrograd.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text file of the user's as UTF-8 lines, with errors that name the cause: a missing
 * file, a folder, no permission, a compressed or binary file, or bytes that are not UTF-8 (with
 * the line where they are).
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}, as {@link Files#readAllLines} reads
 * them; line numbers count from 1.
 */
final class TextFile {

  private TextFile() {}

  /**
   * Returns the lines of {@code file}.
   *
   * @throws IOException naming the path and the cause: {@code Cannot read data.csv: no such file}
   * @throws CsvFormatException when the content is compressed, binary or not UTF-8
   */
  static List<String> lines(Path file) throws IOException {
    String name = nameOf(file);
    byte[] bytes = bytes(file);
    if (startsWith(bytes, 0x1f, 0x8b)) {
      throw new CsvFormatException(name + " is compressed with gzip, not a text file; decompress it first"
          + " (gunzip) and read the file it gives");
    }
    if (startsWith(bytes, 'P', 'K', 3, 4)) {
      throw new CsvFormatException(name + " is a zip archive, not a text file; extract the CSV file from it first");
    }
    String text = decode(name, bytes);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new CsvFormatException(name + " line " + lineOf(text, nul) + " holds a NUL character, so it is not a text"
          + " file; give a CSV text file");
    }
    return text.lines().toList();
  }

  /** Returns the file name of {@code file} for messages, or the whole path when it has none (a root). */
  static String nameOf(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static byte[] bytes(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("Cannot read " + file + ": it is a folder, not a file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException("Cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException("Cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new IOException("Cannot read " + file + ": " + (e.getMessage() != null ? e.getMessage() : e), e);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes strict UTF-8; a malformed byte is a {@link CsvFormatException} naming its line and value. */
  private static String decode(String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new CsvFormatException(String.format(Locale.ROOT, "%s line %d is not UTF-8 text (byte 0x%02X); save the"
          + " file as UTF-8 (it may be Latin-1 or Windows-1252)", name, lineOf(bytes, at), bytes[at] & 0xff));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Returns the line, counted from 1, of character {@code at} of {@code text}. */
  private static int lineOf(String text, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** Returns the line, counted from 1, of byte {@code at} of {@code bytes} (line ends are ASCII in UTF-8). */
  private static int lineOf(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
