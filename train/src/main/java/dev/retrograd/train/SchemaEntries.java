package dev.retrograd.train;

import dev.retrograd.data.Standardizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DataSchema} as checkpoint entries, one line each, names percent-encoded so that a name
 * with spaces stays one field ({@code Ankle%20boot}):
 *
 * <pre>
 * feature_names 4 sepal_length sepal_width petal_length petal_width
 * feature_mean 4 5.84 3.05 3.76 1.20
 * feature_std 4 0.83 0.43 1.76 0.76
 * target_name species
 * class_names 3 setosa versicolor virginica
 * target_mean 1 …        (a standardized regression target only)
 * target_std 1 …
 * </pre>
 */
final class SchemaEntries {

  static final String FEATURE_NAMES = "feature_names";
  static final String FEATURE_MEAN = "feature_mean";
  static final String FEATURE_STD = "feature_std";
  static final String TARGET_NAME = "target_name";
  static final String CLASS_NAMES = "class_names";
  static final String TARGET_MEAN = "target_mean";
  static final String TARGET_STD = "target_std";

  /** Every key, in file order. */
  static final List<String> KEYS = List.of(FEATURE_NAMES, FEATURE_MEAN, FEATURE_STD, TARGET_NAME, CLASS_NAMES,
      TARGET_MEAN, TARGET_STD);

  private SchemaEntries() {}

  /** Returns the entries of {@code schema} as key → value text, in file order. */
  static List<String[]> entries(DataSchema schema) {
    List<String[]> entries = new ArrayList<>();
    entries.add(new String[] {FEATURE_NAMES, names(schema.featureNames())});
    schema.featureStandardizer().ifPresent(s -> {
      entries.add(new String[] {FEATURE_MEAN, numbers(s.mean())});
      entries.add(new String[] {FEATURE_STD, numbers(s.std())});
    });
    entries.add(new String[] {TARGET_NAME, encode(schema.targetName())});
    entries.add(new String[] {CLASS_NAMES, names(schema.classNames())});
    schema.targetStandardizer().ifPresent(s -> {
      entries.add(new String[] {TARGET_MEAN, numbers(s.mean())});
      entries.add(new String[] {TARGET_STD, numbers(s.std())});
    });
    return entries;
  }

  /**
   * Returns the schema of the entries read (key → value text), with the task of the run's
   * identity; empty when the checkpoint has none (format 2).
   *
   * @throws IllegalArgumentException saying which entry is missing or malformed
   */
  static Optional<DataSchema> read(Map<String, String> values, dev.retrograd.data.Task task) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    for (String key : List.of(FEATURE_NAMES, TARGET_NAME, CLASS_NAMES)) {
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("it has no '" + key + "' entry, though it has "
            + String.join(", ", values.keySet()));
      }
    }
    List<String> featureNames = readNames(FEATURE_NAMES, values.get(FEATURE_NAMES));
    Optional<Standardizer> features = standardizer(values, FEATURE_MEAN, FEATURE_STD);
    Optional<Standardizer> target = standardizer(values, TARGET_MEAN, TARGET_STD);
    return Optional.of(new DataSchema(featureNames, features, task, decode(values.get(TARGET_NAME)),
        readNames(CLASS_NAMES, values.get(CLASS_NAMES)), target));
  }

  private static Optional<Standardizer> standardizer(Map<String, String> values, String meanKey, String stdKey) {
    if (!values.containsKey(meanKey) && !values.containsKey(stdKey)) {
      return Optional.empty();
    }
    if (!values.containsKey(meanKey) || !values.containsKey(stdKey)) {
      throw new IllegalArgumentException("it has one of '" + meanKey + "' and '" + stdKey + "' without the other");
    }
    return Optional.of(new Standardizer(readNumbers(meanKey, values.get(meanKey)),
        readNumbers(stdKey, values.get(stdKey))));
  }

  private static String names(List<String> names) {
    StringBuilder text = new StringBuilder().append(names.size());
    names.forEach(name -> text.append(' ').append(encode(name)));
    return text.toString();
  }

  private static String numbers(double[] values) {
    StringBuilder text = new StringBuilder().append(values.length);
    for (double value : values) {
      text.append(' ').append(value);
    }
    return text.toString();
  }

  private static String[] counted(String key, String text) {
    String[] fields = text.isEmpty() ? new String[0] : text.split(" ");
    if (fields.length == 0) {
      throw new IllegalArgumentException("expected '" + key + " COUNT VALUES…'");
    }
    int count = TextValues.count(key, fields[0]);
    if (count != fields.length - 1) {
      throw new IllegalArgumentException("'" + key + "' declares " + count + " values but lists " + (fields.length - 1));
    }
    return Arrays.copyOfRange(fields, 1, fields.length);
  }

  private static List<String> readNames(String key, String text) {
    return Arrays.stream(counted(key, text)).map(SchemaEntries::decode).toList();
  }

  private static double[] readNumbers(String key, String text) {
    return Arrays.stream(counted(key, text)).mapToDouble(TextValues::real).toArray();
  }

  /** Percent-encodes '%', whitespace and control characters as UTF-8 bytes; the empty name is "%". */
  static String encode(String name) {
    if (name.isEmpty()) {
      return "%";
    }
    StringBuilder text = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (c == '%' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          text.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
        }
      } else {
        text.appendCodePoint(c);
      }
    });
    return text.toString();
  }

  /** Reverses {@link #encode}. */
  static String decode(String text) {
    if (text.equals("%")) {
      return "";
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() + 0 && i + 2 <= text.length() - 1) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '%') {
        throw new IllegalArgumentException("'" + text + "' has a '%' without two hex digits after it");
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
