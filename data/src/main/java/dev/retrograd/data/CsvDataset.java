package dev.retrograd.data;

import dev.retrograd.data.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * <p>The format: fields separated by commas; whitespace around a field ignored; a field wrapped in
 * double quotes has them removed (a quoted field may not hold a comma); blank lines skipped; line
 * numbers count every line from 1, the header included. Feature values are decimal numbers
 * ({@code -1.5}, {@code 2e-3}; not NaN or Infinity).
 *
 * <p>The target is the last column unless named. Its task is inferred unless given:
 * <b>classification</b> when some target value is not a number, or when all are integers with at
 * most {@value #MAX_INFERRED_CLASSES} distinct values and fewer distinct values than half the
 * rows; <b>regression</b> otherwise. Class names are the distinct target values, sorted (as
 * numbers when all are numbers, otherwise as text); label i is the i-th of them.
 *
 * <p><b>Every problem is a {@link CsvFormatException} naming the file</b>, and the line and field
 * where there is one: a row with the wrong number of fields, a feature that is not a number, an
 * empty field, an empty file, a header with no rows, a missing target column, a header with an
 * unnamed or duplicated column, only one column, or a single class.
 */
public final class CsvDataset {

  /** The largest number of distinct integer targets still inferred as classes. */
  public static final int MAX_INFERRED_CLASSES = 20;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

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
   * @throws IOException when the file cannot be read
   */
  public static Dataset load(Path file, String targetColumn, Task task) throws IOException {
    String fileName = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return new Reading(fileName, lines).dataset(targetColumn, task);
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
      Task chosen = task != null ? task : inferTask(values);
      return chosen == Task.REGRESSION
          ? Dataset.regression(name(), featureNames(), features, targetName, numericTargets(values))
          : classification(features, targetName, values);
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
          throw new CsvFormatException(file + " line " + lineNumber + ": column name '" + columns.get(i)
              + "' appears twice (columns " + (first + 1) + " and " + (i + 1) + "); column names must be unique");
        }
      }
    }

    private int targetIndex(String targetColumn) {
      int index = targetColumn == null ? columns.size() - 1 : columns.indexOf(targetColumn.strip());
      if (index < 0) {
        throw new CsvFormatException(file + " has no column '" + targetColumn + "'; columns: " + columns);
      }
      if (columns.size() == 1) {
        throw new CsvFormatException(file + " has only the target column '" + columns.get(index)
            + "'; at least one feature column is needed");
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
              + String.join(",", columns) + ") but found " + fields.length);
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
        throw new CsvFormatException(where(row, column) + ": '" + value + "' is not a number" + why);
      }
      double number = Double.parseDouble(value);
      if (Double.isInfinite(number)) {
        throw new CsvFormatException(where(row, column) + ": '" + value + "' is too large for a double");
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
      return file + " line " + lineNumbers.get(row) + ", field '" + columns.get(column) + "'";
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
      boolean numeric = values.stream().allMatch(v -> NUMBER.matcher(v).matches());
      List<String> classNames = numeric ? numericClassNames(values) : new ArrayList<>(new TreeSet<>(values));
      if (classNames.size() < 2) {
        throw new CsvFormatException(file + ": the target column '" + targetName + "' has a single class '"
            + classNames.get(0) + "' in all " + values.size() + " rows; classification needs at least 2 classes");
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
    if (!values.stream().allMatch(v -> NUMBER.matcher(v).matches())) {
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
