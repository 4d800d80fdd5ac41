package dev.retrograd.demo.runfiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A {@code metrics.csv} as read back: its columns and its rows, each kept as written. A last line
 * without its line break (a run killed while writing it) is left out, and said so.
 *
 * @param columns the header's column names, {@code epoch} first
 * @param rows the complete rows, epochs increasing
 * @param lastLineCut whether a last line without its line break was left out
 */
record MetricsTable(List<String> columns, List<MetricsTable.Row> rows, boolean lastLineCut) {

  /** One row: its epoch and its fields by column name, as written. */
  record Row(int epoch, Map<String, String> fields) {

    /** Returns the number in {@code column}; NaN for an empty field, a missing column or a field that is no number. */
    double number(String column) {
      String field = fields.get(column);
      if (field == null || field.isEmpty()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(field);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
  }

  MetricsTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * Reads the text of a {@code metrics.csv}; {@code source} names it in messages.
   *
   * @throws IllegalArgumentException if the text is not a metrics.csv with one field per column
   *     and increasing epochs, naming the line
   */
  static MetricsTable parse(String text, String source) {
    boolean cut = !text.isEmpty() && !text.endsWith("\n");
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (cut) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return new MetricsTable(List.of(MetricsCsv.EPOCH), List.of(), cut);
    }
    List<String> columns = List.of(lines.get(0).split(",", -1));
    if (!columns.get(0).equals(MetricsCsv.EPOCH)) {
      throw new IllegalArgumentException(source + " is not the metrics.csv of a retrograd run: its first line is '"
          + abbreviate(lines.get(0)) + "'. Move it away, and the run starts a new one.");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != columns.size()) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + " has " + fields.length + " fields but its"
            + " header has " + columns.size() + ". Mend or remove the line, or move the file away.");
      }
      int epoch = epoch(fields[0], source, i + 1);
      if (!rows.isEmpty() && epoch <= rows.get(rows.size() - 1).epoch()) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + " is epoch " + epoch + ", after epoch "
            + rows.get(rows.size() - 1).epoch() + ". Mend or remove the line, or move the file away.");
      }
      Map<String, String> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < fields.length; c++) {
        byColumn.put(columns.get(c), fields[c]);
      }
      rows.add(new Row(epoch, byColumn));
    }
    return new MetricsTable(columns, rows, cut);
  }

  private static int epoch(String field, String source, int line) {
    try {
      int epoch = Integer.parseInt(field);
      if (epoch >= 1) {
        return epoch;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + " line " + line + ": '" + abbreviate(field) + "' is not an epoch"
        + " number (1, 2, …). Mend or remove the line, or move the file away.");
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** Returns the last epoch, 0 without rows. */
  int lastEpoch() {
    return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).epoch();
  }

  /** Returns the first epoch, 0 without rows. */
  int firstEpoch() {
    return rows.isEmpty() ? 0 : rows.get(0).epoch();
  }

  /** Returns this table without the rows after {@code epoch}. */
  MetricsTable upTo(int epoch) {
    return new MetricsTable(columns, rows.stream().filter(row -> row.epoch() <= epoch).toList(), false);
  }

  /** Returns the text of this table under {@code header}'s columns, fields taken by name, lines ending in \n. */
  String text(List<String> header) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (Row row : rows) {
      StringJoiner line = new StringJoiner(",");
      header.forEach(column -> line.add(row.fields().getOrDefault(column, "")));
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
