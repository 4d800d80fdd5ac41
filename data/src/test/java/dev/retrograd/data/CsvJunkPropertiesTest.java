package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random junk in CSV files: every file gives either a clean error (a {@link CsvFormatException}
 * of one printable line naming the file) or a data set that is exactly what an independent
 * reading of the same lines says it holds. No other exception may escape.
 */
class CsvJunkPropertiesTest {

  /** Runs {@code check} on a file {@code data.csv} holding {@code bytes}, in a folder of its own, then removes both. */
  private static void withFile(byte[] bytes, FileCheck check) throws IOException {
    Path folder = Files.createTempDirectory("csv-junk");
    Path file = Files.write(folder.resolve("data.csv"), bytes);
    try {
      check.accept(file);
    } finally {
      Files.delete(file);
      Files.delete(folder);
    }
  }

  private interface FileCheck {
    void accept(Path file) throws IOException;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Property(tries = 200)
  void random_bytes_give_a_clean_error_or_a_correct_load(@ForAll("bytes") byte[] bytes) throws IOException {
    withFile(bytes, CsvJunkPropertiesTest::checkCleanErrorOrCorrectLoad);
  }

  @Property(tries = 300)
  void random_csv_like_text_gives_a_clean_error_or_a_correct_load(@ForAll("csvLikeText") String text)
      throws IOException {
    withFile(utf8(text), CsvJunkPropertiesTest::checkCleanErrorOrCorrectLoad);
  }

  // Edge cases off: the combinations of a table's generators outnumber the tries (and jqwik says so
  // on standard error); 0, -0, the largest and the smallest double are drawn among the numbers anyway.
  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void a_well_formed_numeric_table_loads_exactly(@ForAll("tables") Table table) throws IOException {
    withFile(utf8(table.text()), file -> {
      Dataset data = CsvDataset.load(file, null, Task.REGRESSION);

      assertThat(data.features()).isDeepEqualTo(table.features());
      assertThat(data.targets()).containsExactly(table.targets());
      assertThat(data.featureNames()).containsExactlyElementsOf(table.featureNames());
    });
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void one_junk_cell_in_a_numeric_table_is_named_by_its_line_and_field(
      @ForAll("tables") Table table, @ForAll("junk") String junk, @ForAll("fractions") double where,
      @ForAll("fractions") double column) throws IOException {
    Assume.that(table.height() >= 2);  // one row with a word as its target is a (single) class name
    int row = (int) (where * table.height());
    int field = (int) (column * (table.width() + 1));
    String name = field < table.width() ? table.featureNames().get(field) : "y";

    withFile(utf8(table.withCell(row, field, junk)), file -> {
      try {
        CsvDataset.load(file);
        throw new AssertionError("a table with '" + junk + "' at row " + row + " loaded");
      } catch (CsvFormatException e) {
        assertThat(e.getMessage()).startsWith("data.csv line " + table.lineOf(row) + ", field '" + name + "'");
        assertOneCleanLine(e.getMessage());
      }
    });
  }

  /** Loads the file; an error must be one clean line, a data set must match an independent reading. */
  private static void checkCleanErrorOrCorrectLoad(Path file) throws IOException {
    Dataset data;
    try {
      data = CsvDataset.load(file);
    } catch (CsvFormatException e) {
      assertThat(e.getMessage()).startsWith("data.csv");
      assertOneCleanLine(e.getMessage());
      return;
    }
    List<String[]> rows = independentRows(Files.readString(file, StandardCharsets.UTF_8));
    String[] header = rows.remove(0);
    assertThat(data.size()).isEqualTo(rows.size());
    assertThat(data.featureNames()).containsExactly(java.util.Arrays.copyOf(header, header.length - 1));
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < header.length - 1; c++) {
        double expected = Double.parseDouble(rows.get(r)[c]);
        assertThat(data.features()[r][c]).isEqualTo(expected).isFinite();
      }
      String target = rows.get(r)[header.length - 1];
      if (data.task() == Task.REGRESSION) {
        assertThat(data.targets()[r]).isEqualTo(Double.parseDouble(target));
      } else {
        String name = data.classNames().get(data.labels()[r]);
        assertThat(name.equals(target) || sameNumber(name, target)).as(name + " for " + target).isTrue();
      }
    }
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Reads the non-blank lines (a leading byte order mark dropped) into trimmed, unquoted fields. */
  private static List<String[]> independentRows(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      for (int i = 0; i < fields.length; i++) {
        String field = fields[i].strip();
        if (field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"') {
          field = field.substring(1, field.length() - 1).strip();
        }
        fields[i] = field;
      }
      rows.add(fields);
    }
    return rows;
  }

  private static void assertOneCleanLine(String message) {
    assertThat(message.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'))
        .as("no control character in: %s", message).isTrue();
  }

  // Generators

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
  }

  @Provide
  Arbitrary<String> csvLikeText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of(",", ",", "\n", "\r\n", "\r", " ", "\"", "\t", "\uFEFF", "\u0000", "\u001b", "\u2028",
            "NaN", "inf", "-Infinity", "1e999", "+", "-", ".", "e", "E", "é", "😀", "x", "label", "a", "b"),
        Arbitraries.integers().between(-20, 20).map(Object::toString),
        Arbitraries.doubles().map(d -> String.format(Locale.ROOT, "%s", d)),
        Arbitraries.strings().ofMaxLength(5));
    Arbitrary<String> header = Arbitraries.of("a,b,label\n", "x,y\n", "a,a,y\n", "\n", "", "a,\n", "label\n");
    return Combinators.combine(header, pieces.list().ofMaxSize(60))
        .as((head, body) -> head + String.join("", body));
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.of("NaN", "nan", "Infinity", "-inf", "1e999", "", "  ", "abc", "0x10", "1.2.3", "--1",
            "\u001b[31m", "\"", "é", "1e", "."),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 0.999).ofScale(3);
  }

  @Provide
  Arbitrary<Table> tables() {
    Arbitrary<Double> numbers = Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.doubles().between(-1, 1).ofScale(6).map(d -> d * 1e-300),
        Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue),
        Arbitraries.of(0.0, -0.0, 1e300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE));
    Arbitrary<Integer> width = Arbitraries.integers().between(1, 4);
    Arbitrary<Integer> height = Arbitraries.integers().between(1, 12);
    Arbitrary<List<String>> styles = Arbitraries.of("plain", "padded", "quoted", "exponent", "plus").list()
        .ofSize(64);
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n", "\r");
    return Combinators.combine(width, height, numbers.list().ofSize(13 * 5), styles, lineEnd,
        Arbitraries.of(true, false))
        .as(Table::new);
  }

  /**
   * A numeric table of {@code height} rows of {@code width} features and a target, each number
   * written in one of several styles, with blank lines between some rows.
   */
  record Table(int width, int height, List<Double> numbers, List<String> styles, String lineEnd, boolean blanks) {

    List<String> featureNames() {
      List<String> names = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        names.add("f" + c);
      }
      return names;
    }

    private double number(int row, int column) {
      return numbers.get(row * (width + 1) + column);
    }

    double[][] features() {
      double[][] x = new double[height][width];
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          x[r][c] = number(r, c);
        }
      }
      return x;
    }

    double[] targets() {
      double[] y = new double[height];
      for (int r = 0; r < height; r++) {
        y[r] = number(r, width);
      }
      return y;
    }

    /** Returns the file line (from 1) of data row {@code row}. */
    int lineOf(int row) {
      return 2 + row * (blanks ? 2 : 1);
    }

    String text() {
      return withCell(-1, -1, null);
    }

    String withCell(int junkRow, int junkColumn, String junk) {
      StringBuilder text = new StringBuilder(String.join(",", featureNames())).append(",y").append(lineEnd);
      for (int r = 0; r < height; r++) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c <= width; c++) {
          String style = styles.get((r * (width + 1) + c) % styles.size());
          cells.add(r == junkRow && c == junkColumn ? junk : written(number(r, c), style));
        }
        text.append(String.join(",", cells)).append(lineEnd);
        if (blanks) {
          text.append("   ").append(lineEnd);
        }
      }
      return text.toString();
    }

    private static String written(double number, String style) {
      return switch (style) {
        case "padded" -> "  " + number + " \t";
        case "quoted" -> "\"" + number + "\"";
        case "exponent" -> String.format(Locale.ROOT, "%.17e", number);
        case "plus" -> number >= 0 && !(1 / number < 0) ? "+" + number : Double.toString(number);
        default -> Double.toString(number);
      };
    }
  }
}
