package dev.retrograd.demo.expression;

/**
 * An expression that cannot be read or built: a syntax error or an unknown function, at a column of
 * the expression. Its message is one line; {@link #pointer()} shows the expression with a caret under
 * the column.
 */
public final class ExpressionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int column;

  /**
   * Creates the error.
   *
   * @param column the 1-based column the error is at; one past the end for an expression that ends too soon
   */
  ExpressionException(String message, String expression, int column) {
    super(message);
    this.expression = expression;
    this.column = column;
  }

  /** Returns the expression as given. */
  public String expression() {
    return expression;
  }

  /** Returns the 1-based column of the error. */
  public int column() {
    return column;
  }

  /**
   * Returns two lines: the expression, then a caret under the column, each indented by two spaces:
   *
   * <pre>
   *   tanh(x1*w1 +)
   *               ^
   * </pre>
   */
  public String pointer() {
    return "  " + expression + "\n  " + " ".repeat(column - 1) + "^";
  }
}
