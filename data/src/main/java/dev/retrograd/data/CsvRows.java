package dev.retrograd.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * New rows for a trained model, read from a CSV file with a header row against the columns the
 * model knows: every feature column by name, in any order, and the target column if the file has
 * it. Unlike {@link CsvDataset}, nothing is inferred: the classes are the model's, in its order.
 *
 * <pre>
 * CsvRows rows = CsvRows.read(Path.of("new.csv"), List.of("sepal_length", "sepal_width"), "species",
 *     List.of("setosa", "versicolor", "virginica"));
 * rows.features()[0];     // in the model's feature order
 * rows.labels();          // class indexes, when the file has the species column
 * </pre>
 *
 * <p><b>Every problem is a {@link CsvFormatException} naming the file and the line</b>: a feature
 * column the file lacks, a column the model does not know, a row with another number of fields, a
 * value that is not a finite number, or a class the model never saw.
 *
 * @param file the file's name, for messages
 * @param features one row per data line, in the model's feature order
 * @param hasTarget whether the file has the target column
 * @param labels the class index of each row (classification with the target column), else empty
 * @param targets the target of each row (regression with the target column), else empty
 * @param lines the line number of each row in the file, from 1
 */
public record CsvRows(String file, double[][] features, boolean hasTarget, int[] labels, double[] targets,
    int[] lines) {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /**
   * Reads {@code file} for a model of these features, target and classes (no class names for a
   * regression).
   *
   * @throws CsvFormatException for content that does not fit, as described above
   * @throws IOException when the file cannot be read, naming the path and the cause
   */
  public static CsvRows read(Path file, List<String> featureNames, String targetName, List<String> classNames)
      throws IOException {
    String name = TextFile.nameOf(file);
    List<String> lines = TextFile.lines(file);
    int header = 0;
    while (header < lines.size() && lines.get(header).isBlank()) {
      header++;
    }
    if (header == lines.size()) {
      throw new CsvFormatException(name + " is empty; expected a header row with the columns "
          + featureNames.stream().map(CsvDataset::escaped).toList() + ", then one row per example");
    }
    String first = lines.get(header).startsWith("\uFEFF") ? lines.get(header).substring(1) : lines.get(header);
    List<String> columns = List.of(CsvDataset.split(first));
    String where = name + " line " + (header + 1);
    for (String column : columns) {
      if (!featureNames.contains(column) && !column.equals(targetName)) {
        throw new CsvFormatException(where + ": column " + CsvDataset.shown(column) + " is not one the model knows;"
            + " it takes the features " + listed(featureNames) + " and, optionally, the target "
            + CsvDataset.shown(targetName));
      }
    }
    int[] columnOf = new int[featureNames.size()];
    for (int f = 0; f < columnOf.length; f++) {
      columnOf[f] = columns.indexOf(featureNames.get(f));
      if (columnOf[f] < 0) {
        throw new CsvFormatException(where + ": the feature column " + CsvDataset.shown(featureNames.get(f))
            + " is missing; the model takes " + listed(featureNames));
      }
    }
    int target = columns.indexOf(targetName);
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = header + 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = CsvDataset.split(lines.get(i));
      String at = name + " line " + (i + 1);
      if (fields.length != columns.size()) {
        throw new CsvFormatException(at + ": expected " + columns.size() + " fields (" + CsvDataset.escaped(
            String.join(",", columns)) + ") but found " + fields.length);
      }
      double[] row = new double[columnOf.length];
      for (int f = 0; f < row.length; f++) {
        row[f] = number(at, featureNames.get(f), fields[columnOf[f]]);
      }
      if (target >= 0 && !classNames.isEmpty()) {
        int label = classIndex(fields[target], classNames);
        if (label < 0) {
          throw new CsvFormatException(at + ", field " + CsvDataset.shown(targetName) + ": "
              + CsvDataset.shown(fields[target]) + " is not a class the model knows; its classes are "
              + listed(classNames));
        }
        labels.add(label);
      } else if (target >= 0) {
        targets.add(number(at, targetName, fields[target]));
      }
      rows.add(row);
      numbers.add(i + 1);
    }
    if (rows.isEmpty()) {
      throw new CsvFormatException(name + " has a header row but no data rows; add one row per example below it");
    }
    return new CsvRows(name, rows.toArray(new double[0][]), target >= 0,
        labels.stream().mapToInt(Integer::intValue).toArray(), targets.stream().mapToDouble(Double::doubleValue)
            .toArray(), numbers.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Returns the index of {@code value} among the class names, read as a number if the names are numbers ("2.0" is "2"). */
  private static int classIndex(String value, List<String> classNames) {
    int exact = classNames.indexOf(value);
    if (exact >= 0 || !NUMBER.matcher(value).matches()) {
      return exact;
    }
    double number = Double.parseDouble(value) + 0.0;
    for (int c = 0; c < classNames.size(); c++) {
      String name = classNames.get(c);
      if (NUMBER.matcher(name).matches() && Double.parseDouble(name) + 0.0 == number) {
        return c;
      }
    }
    return -1;
  }

  private static double number(String at, String column, String value) {
    if (value.isEmpty()) {
      throw new CsvFormatException(at + ", field " + CsvDataset.shown(column)
          + " is empty; missing values are not supported, fill it in or remove the row");
    }
    if (!NUMBER.matcher(value).matches() || Double.isInfinite(Double.parseDouble(value))) {
      throw new CsvFormatException(at + ", field " + CsvDataset.shown(column) + ": " + CsvDataset.shown(value)
          + " is not a finite number");
    }
    return Double.parseDouble(value);
  }

  private static String listed(List<String> names) {
    if (names.size() <= 8) {
      return names.stream().map(CsvDataset::escaped).toList().toString();
    }
    return "[" + String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1) + "] ("
        + names.size() + " columns)";
  }

  /** Returns the number of rows. */
  public int size() {
    return features.length;
  }
}
