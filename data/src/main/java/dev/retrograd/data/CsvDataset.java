package dev.retrograd.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a user's CSV file with a header row into a {@link Dataset}: one column is the target, the
 * others are numeric features.
 *
 * <pre>
 * sepal_length,sepal_width,petal_length,petal_width,species
 * 5.1,3.5,1.4,0.2,setosa
 * 7.0,3.2,4.7,1.4,versicolor
 * </pre>
 *
 * <p>The format: UTF-8 text (a byte order mark is skipped); fields separated by commas; whitespace
 * around a field ignored; a field wrapped in double quotes has them removed (a quoted field may
 * not hold a comma); blank lines skipped; line numbers count every line from 1, the header
 * included. Feature values are finite decimal numbers ({@code -1.5}, {@code 2e-3}; not NaN or
 * Infinity).
 *
 * <p>The target is the last column unless named. Its task is inferred unless given:
 * <ul>
 *   <li><b>classification</b> when no target value is a number (class names such as
 *       {@code setosa}), or when all are integers with at most {@value #MAX_INFERRED_CLASSES}
 *       distinct values and fewer distinct values than half the rows;
 *   <li><b>regression</b> when all are finite numbers otherwise;
 *   <li><b>an error</b> when numbers and other text are mixed (a numeric column with one typo
 *       or one missing-value marker): the message names the first value that is not a number.
 *       Given the task classification, every value is read as a class name.
 * </ul>
 * A target that spells a number that is not finite ({@code NaN}, {@code Infinity}, {@code inf},
 * {@code 1e999}) is an error whatever the task, unless no value of the column is a number. Class
 * names are the distinct target values, sorted (as numbers when all are numbers, otherwise as
 * text); label i is the i-th of them.
 *
 * <p><b>Every problem with the content is a {@link CsvFormatException} naming the file</b>, and
 * the line and field where there is one: bytes that are not UTF-8, a compressed or binary file, a
 * row with the wrong number of fields, a feature that is not a finite number, a target as above,
 * an empty field, an empty file, a header with no rows, a missing target column, a header with an
 * unnamed or duplicated column, only one column, or a single class. A file that cannot be read is
 * an {@link IOException} naming the path and the cause (no such file, a folder, permission
 * denied). Values quoted in messages have control characters escaped and are shortened past
 * {@value #SHOWN_CHARACTERS} characters, so every message is one line.
 */
public final class CsvDataset {

  /** The largest number of distinct integer targets still inferred as classes. */
  public static final int MAX_INFERRED_CLASSES = 20;

  /** The most characters of a value a message quotes. */
  static final int SHOWN_CHARACTERS = 40;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** How text commonly spells a number that is not finite: NaN, Infinity, inf, with a sign. */
  private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

  private CsvDataset() {}

  /** Reads {@code file} with the last column as the target and the task inferred. */
  public static Dataset load(Path file) throws IOException {
    return load(file, null, null);
  }

  /** Reads {@code file} with the column {@code targetColumn} as the target and the task inferred. */
  public static Dataset load(Path file, String targetColumn) throws IOException {
    return load(file, targetColumn, null);
  }

  /**
   * Reads {@code file}.
   *
   * @param targetColumn the target column's name; null for the last column
   * @param task the task; null to infer it from the target values
   * @throws CsvFormatException when the content is not a data set as described above
   * @throws IOException when the file cannot be read; the message names the path and the cause
   */
  public static Dataset load(Path file, String targetColumn, Task task) throws IOException {
    List<String> lines = TextFile.lines(file);
    return new Reading(TextFile.nameOf(file), lines).dataset(targetColumn, task);
  }

  /** One pass over one file's lines; remembers the file name for every message. */
  private static final class Reading {

    private final String file;
    private final List<String> lines;
    private List<String> columns;
    private int target;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();

    Reading(String file, List<String> lines) {
      this.file = file;
      this.lines = lines;
    }

    Dataset dataset(String targetColumn, Task task) {
      int headerLine = readHeader();
      target = targetIndex(targetColumn);
      readRows(headerLine);
      double[][] features = features();
      String targetName = columns.get(target);
      List<String> values = targetValues();
      requireFiniteIfNumeric(values);
      Task chosen = task != null ? task : inferredTask(values);
      return chosen == Task.REGRESSION
          ? Dataset.regression(name(), featureNames(), features, targetName, numericTargets(values))
          : classification(features, targetName, values);
    }

    /** Refuses a NaN or infinite target in a column where some value is a number. */
    private void requireFiniteIfNumeric(List<String> values) {
      if (values.stream().noneMatch(CsvDataset::isNumber)) {
        return;
      }
      for (int r = 0; r < values.size(); r++) {
        String value = values.get(r);
        if (NOT_FINITE.matcher(value).matches() || isNumber(value) && Double.isInfinite(Double.parseDouble(value))) {
          throw new CsvFormatException(where(r, target) + ": " + shown(value) + " is not a finite number; the target"
              + " column " + shown(columns.get(target)) + " holds numbers, and each row needs a finite one (fix or"
              + " remove the row)");
        }
      }
    }

    /** Returns the inferred task, refusing a column that mixes numbers with other text. */
    private Task inferredTask(List<String> values) {
      long numbers = values.stream().filter(CsvDataset::isNumber).count();
      if (numbers > 0 && numbers < values.size()) {
        int first = 0;
        while (isNumber(values.get(first))) {
          first++;
        }
        throw new CsvFormatException(where(first, target) + ": " + shown(values.get(first)) + " is not a number, but "
            + numbers + " of the " + values.size() + " values of the target column " + shown(columns.get(target))
            + " are; fix the value, or set the task to classification to read every value as a class name");
      }
      return inferTask(values);
    }

    private int readHeader() {
      for (int i = 0; i < lines.size(); i++) {
        String line = i == 0 ? withoutByteOrderMark(lines.get(0)) : lines.get(i);
        if (!line.isBlank()) {
          columns = List.of(split(line));
          checkColumnNames(i + 1);
          return i + 1;
        }
      }
      throw new CsvFormatException(
          file + " is empty; expected a header row with the column names, then one row per example");
    }

    private void checkColumnNames(int lineNumber) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).isEmpty()) {
          throw new CsvFormatException(file + " line " + lineNumber + ": column " + (i + 1)
              + " has no name; every column needs a name in the header row");
        }
        int first = columns.indexOf(columns.get(i));
        if (first < i) {
          throw new CsvFormatException(file + " line " + lineNumber + ": column name " + shown(columns.get(i))
              + " appears twice (columns " + (first + 1) + " and " + (i + 1) + "); column names must be unique");
        }
      }
    }

    private int targetIndex(String targetColumn) {
      int index = targetColumn == null ? columns.size() - 1 : columns.indexOf(targetColumn.strip());
      if (index < 0) {
        throw new CsvFormatException(file + " has no column " + shown(targetColumn) + "; columns: "
            + columns.stream().map(CsvDataset::escaped).toList());
      }
      if (columns.size() == 1) {
        throw new CsvFormatException(file + " has only the target column " + shown(columns.get(index))
            + "; at least one feature column is needed");
      }
      return index;
    }

    private void readRows(int headerLine) {
      for (int i = headerLine; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        String[] fields = split(lines.get(i));
        if (fields.length != columns.size()) {
          throw new CsvFormatException(file + " line " + (i + 1) + ": expected " + columns.size() + " fields ("
              + escaped(String.join(",", columns)) + ") but found " + fields.length);
        }
        rows.add(fields);
        lineNumbers.add(i + 1);
      }
      if (rows.isEmpty()) {
        throw new CsvFormatException(
            file + " has a header row but no data rows; add one row per example below the header");
      }
    }

    private double[][] features() {
      double[][] features = new double[rows.size()][columns.size() - 1];
      for (int r = 0; r < rows.size(); r++) {
        int f = 0;
        for (int c = 0; c < columns.size(); c++) {
          if (c != target) {
            features[r][f++] = number(r, c, "");
          }
        }
      }
      return features;
    }

    private double number(int row, int column, String why) {
      String value = nonEmpty(row, column);
      if (!NUMBER.matcher(value).matches()) {
        throw new CsvFormatException(where(row, column) + ": " + shown(value) + " is not a number" + why);
      }
      double number = Double.parseDouble(value);
      if (Double.isInfinite(number)) {
        throw new CsvFormatException(where(row, column) + ": " + shown(value) + " is too large for a double");
      }
      return number;
    }

    private String nonEmpty(int row, int column) {
      String value = rows.get(row)[column];
      if (value.isEmpty()) {
        throw new CsvFormatException(where(row, column)
            + " is empty; missing values are not supported, fill it in or remove the row");
      }
      return value;
    }

    private String where(int row, int column) {
      return file + " line " + lineNumbers.get(row) + ", field " + shown(columns.get(column));
    }

    private List<String> targetValues() {
      List<String> values = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        values.add(nonEmpty(r, target));
      }
      return values;
    }

    private double[] numericTargets(List<String> values) {
      double[] targets = new double[values.size()];
      for (int r = 0; r < targets.length; r++) {
        targets[r] = number(r, target, "; regression needs a numeric target");
      }
      return targets;
    }

    private Dataset classification(double[][] features, String targetName, List<String> values) {
      boolean numeric = values.stream().allMatch(CsvDataset::isNumber);
      List<String> classNames = numeric ? numericClassNames(values) : new ArrayList<>(new TreeSet<>(values));
      if (classNames.size() < 2) {
        throw new CsvFormatException(file + ": the target column " + shown(targetName) + " has a single class "
            + shown(classNames.get(0)) + " in all " + values.size() + " rows; classification needs at least 2 classes");
      }
      int[] labels = new int[values.size()];
      for (int r = 0; r < labels.length; r++) {
        String value = values.get(r);
        labels[r] = classNames.indexOf(numeric ? className(parse(value)) : value);
      }
      return new Dataset(name(), Task.CLASSIFICATION, featureNames(), features, targetName, classNames, labels,
          new double[0]);
    }

    private List<String> featureNames() {
      List<String> names = new ArrayList<>(columns);
      names.remove(target);
      return names;
    }

    private String name() {
      return file.toLowerCase(Locale.ROOT).endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }
  }

  /**
   * Returns the task the rule above infers from a target column's (non-empty) values.
   */
  static Task inferTask(List<String> values) {
    if (!values.stream().allMatch(CsvDataset::isNumber)) {
      return Task.CLASSIFICATION;
    }
    TreeSet<Double> distinct = new TreeSet<>();
    for (String value : values) {
      double number = parse(value);
      if (number != Math.rint(number) || Double.isInfinite(number)) {
        return Task.REGRESSION;
      }
      distinct.add(number);
    }
    boolean few = distinct.size() <= MAX_INFERRED_CLASSES && distinct.size() < values.size() / 2.0;
    return few ? Task.CLASSIFICATION : Task.REGRESSION;
  }

  /** Returns the distinct numbers among {@code values}, ascending, each written by {@link #className}. */
  private static List<String> numericClassNames(List<String> values) {
    TreeMap<Double, String> names = new TreeMap<>();
    for (String value : values) {
      double number = parse(value);
      names.put(number, className(number));
    }
    return new ArrayList<>(names.values());
  }

  /** Parses a value that matched {@link #NUMBER}, with −0 read as 0 (so both are one class). */
  private static double parse(String value) {
    return Double.parseDouble(value) + 0.0;
  }

  /** Writes 2.0 as "2" and 0.5 as "0.5", so "2" and "2.0" name the same class. */
  private static String className(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15
        ? Long.toString((long) number) : Double.toString(number);
  }

  private static boolean isNumber(String value) {
    return NUMBER.matcher(value).matches();
  }

  /**
   * Returns {@code value} in single quotes for a message: control characters, line and paragraph
   * separators and lone surrogates escaped as a backslash, {@code u} and four hex digits, and shortened to {@value #SHOWN_CHARACTERS} characters with an ellipsis.
   */
  static String shown(String value) {
    return "'" + escaped(value) + "'";
  }

  /** Returns {@code value} as {@link #shown} does, without the quotes. */
  static String escaped(String value) {
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < value.length(); i++) {
      if (shown == SHOWN_CHARACTERS) {
        text.append('…');
        break;
      }
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        text.append(c);
      }
      shown++;
    }
    return text.toString();
  }

  private static boolean isLoneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
  }

  /** Splits a line at commas, trimming each field and removing one pair of surrounding quotes. */
  static String[] split(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i].strip();
      if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
        field = field.substring(1, field.length() - 1).strip();
      }
      fields[i] = field;
    }
    return fields;
  }

  private static String withoutByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
