package dev.retrograd.demo.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small text table printed with aligned columns: the first column (the row's name) flush left,
 * the figures flush right, two spaces between columns.
 *
 * <pre>{@code
 * new Table("run", "final loss").row("sgd", Table.number(0.0312)).print(out);
 * // run   final loss
 * // sgd       0.0312
 * }</pre>
 */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** Creates a table with these column headings. */
  Table(String... header) {
    this.header = List.of(header);
  }

  /**
   * Adds a row of cells, one per column.
   *
   * @throws IllegalArgumentException if the number of cells differs from the number of columns
   */
  Table row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row needs " + header.size() + " cells " + header + ", got "
          + cells.length + " " + Arrays.toString(cells));
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Prints the heading line and the rows. */
  void print(PrintStream out) {
    out.print(toString());
  }

  /** Returns the table as lines, each ended by a newline. */
  @Override
  public String toString() {
    int[] widths = new int[header.size()];
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    for (List<String> line : lines) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = line.get(c);
        String padding = " ".repeat(widths[c] - cell.length());
        row.append(c == 0 ? "" : "  ").append(c == 0 ? cell + padding : padding + cell);
      }
      text.append(row.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /**
   * Returns a figure plainly with four significant digits from 0.001 to below 10000
   * ({@code 0.03125}, {@code 1.099}, {@code 531.2}), in scientific notation with three otherwise
   * ({@code 5.38e-08}, {@code 1.23e+04}, {@code 1.08e+263}); {@code "-"} for NaN, as for an epoch
   * never run.
   */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e4)) {
      String text = String.format(Locale.ROOT, "%.4g", value);
      return text.contains("e") ? String.format(Locale.ROOT, "%.2e", value) : text;
    }
    return String.format(Locale.ROOT, "%.2e", value);
  }

  /** Returns a share as a percentage with one decimal, {@code "97.3%"}; {@code "-"} for NaN. */
  static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
