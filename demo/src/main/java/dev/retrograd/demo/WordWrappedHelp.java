package dev.retrograd.demo;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's usage help, with descriptions wrapped at spaces only. picocli breaks lines where
 * {@link java.text.BreakIterator} allows, which includes after a period or a comma inside a token:
 * {@code decision_boundary.} / {@code png}, {@code label_smoothing=0.} / {@code 1}. Here a line
 * breaks only at a space, so file names, {@code key=value} lists and numbers stay whole; a token
 * wider than its column is the only thing still cut.
 */
final class WordWrappedHelp extends Help {

  WordWrappedHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  /** The option list's layout: picocli's default columns, with the description column wrapped at spaces. */
  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
      ColorScheme scheme) {
    int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
    int width = commandSpec().usageMessage().width();
    SpaceWrappedTable table = new SpaceWrappedTable(scheme, new Column(2, 0, Overflow.TRUNCATE),
        new Column(2, 0, Overflow.SPAN), new Column(1, 0, Overflow.TRUNCATE),
        new Column(longOptions, 1, Overflow.SPAN), new Column(width - 5 - longOptions, 1, Overflow.WRAP));
    return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
  }

  /** The command's description, each of its lines wrapped at spaces to the usage width. */
  @Override
  public String description(Object... params) {
    String[] lines = commandSpec().usageMessage().description();
    SpaceWrappedTable table = new SpaceWrappedTable(colorScheme(),
        new Column(commandSpec().usageMessage().width(), 0, Overflow.WRAP));
    table.indentWrappedLines = 0;
    for (String line : lines) {
      table.addRowValues(colorScheme().text(params.length == 0 ? line : String.format(line, params)));
    }
    return table.toString();
  }

  /** A text table whose wrapping columns break lines at spaces only. */
  static final class SpaceWrappedTable extends TextTable {

    SpaceWrappedTable(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      String plain = value.plainString();
      int start = 0;
      int available = column.width - column.indent;
      Cell cell = null;
      while (true) {
        while (start < plain.length() && start > 0 && plain.charAt(start) == ' ') {
          start++;
        }
        int end = lineEnd(plain, start, available);
        Text line = value.substring(start, end);
        cell = super.putValue(row, col, start == 0 ? line : indent(line));
        row = cell.row;
        start = end;
        if (start >= plain.length() || plain.substring(start).isBlank()) {
          return cell;
        }
        addEmptyRow();
        row++;
        available = column.width - column.indent - indentWrappedLines;
      }
    }

    /** Returns the end of the longest run from {@code start} that fits {@code width} and ends before a space. */
    private static int lineEnd(String text, int start, int width) {
      if (text.length() - start <= width) {
        return text.length();
      }
      int space = text.lastIndexOf(' ', start + width);
      return space > start ? space : start + width;
    }

    private Text indent(Text line) {
      return line.substring(0, 0).concat(" ".repeat(indentWrappedLines)).concat(line);
    }
  }
}
