package dev.retrograd.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a run trained on, in two SHA-256 digests: one over its input rows, one over its target rows,
 * as the loop sees them after the validation split. A checkpoint records it, and a resumed run
 * whose rows differ by a single bit is refused, with the half that differs named.
 *
 * <p>Each digest runs over the training rows and then the validation rows, in the order the run
 * uses them: first the two row counts (4-byte big-endian ints), then every value of every row as
 * the 8 big-endian bytes of {@link Double#doubleToLongBits}. The targets are the rows the loss
 * reads (one-hot, ±1 or the regression values).
 *
 * <pre>
 * data inputs:3f5c…e1 targets:a9d0…47          its text form, in a checkpoint
 * </pre>
 *
 * @param inputs the SHA-256 of the input rows, 64 lowercase hex digits
 * @param targets the SHA-256 of the target rows, 64 lowercase hex digits
 */
public record DataFingerprint(String inputs, String targets) {

  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TEXT = Pattern.compile("inputs:([0-9a-f]{64}) targets:([0-9a-f]{64})");

  /** Checks that both digests are 64 lowercase hex digits. */
  public DataFingerprint {
    for (String digest : new String[] {inputs, targets}) {
      if (digest == null || !DIGEST.matcher(digest).matches()) {
        throw new IllegalArgumentException("a data fingerprint is two SHA-256 digests of 64 lowercase hex digits,"
            + " got '" + digest + "'");
      }
    }
  }

  /** Returns the fingerprint of a run's training and validation rows. */
  static DataFingerprint of(Rows training, Rows validation) {
    return new DataFingerprint(digest(training.inputs(), validation.inputs()),
        digest(training.targets(), validation.targets()));
  }

  private static String digest(double[][] training, double[][] validation) {
    MessageDigest sha256 = sha256();
    ByteBuffer counts = ByteBuffer.allocate(8).putInt(training.length).putInt(validation.length);
    sha256.update(counts.array());
    for (double[][] rows : new double[][][] {training, validation}) {
      for (double[] row : rows) {
        ByteBuffer bits = ByteBuffer.allocate(8 * row.length);
        for (double value : row) {
          bits.putLong(Double.doubleToLongBits(value));
        }
        sha256.update(bits.array());
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** Returns a SHA-256 digest, which every Java platform provides. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java platform has no SHA-256, which every Java platform must have", e);
    }
  }

  /**
   * Reads the text form {@link #toString} writes.
   *
   * @throws IllegalArgumentException if the text is not {@code inputs:HEX targets:HEX}
   */
  static DataFingerprint parse(String text) {
    var matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected 'data inputs:SHA256 targets:SHA256', each 64 lowercase hex digits");
    }
    return new DataFingerprint(matcher.group(1), matcher.group(2));
  }

  /**
   * Returns which half differs from {@code other}: "inputs", "targets" or "inputs and targets";
   * empty when both are the same.
   */
  String differences(DataFingerprint other) {
    boolean inputsDiffer = !inputs.equals(other.inputs);
    boolean targetsDiffer = !targets.equals(other.targets);
    return inputsDiffer && targetsDiffer ? "inputs and targets"
        : inputsDiffer ? "inputs" : targetsDiffer ? "targets" : "";
  }

  /** Returns {@code inputs:HEX targets:HEX}, as a checkpoint's {@code data} entry holds it. */
  @Override
  public String toString() {
    return "inputs:" + inputs + " targets:" + targets;
  }
}
