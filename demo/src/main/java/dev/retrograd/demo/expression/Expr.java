package dev.retrograd.demo.expression;

/**
 * A parsed expression, as a tree. Each node knows where it stands in the text ({@code start}
 * inclusive, {@code end} exclusive, 0-based), so a picture can name each value by the text that made it
 * and an error can point at it.
 */
public sealed interface Expr {

  /** Returns the offset of the node's first character. */
  int start();

  /** Returns the offset just past the node's last character. */
  int end();

  /** A number as written, such as {@code 2} or {@code 1.5e-3}. */
  record Number(double value, int start, int end) implements Expr {}

  /** A variable, such as {@code x1}. */
  record Variable(String name, int start, int end) implements Expr {}

  /** {@code -operand}. */
  record Negation(Expr operand, int start, int end) implements Expr {}

  /**
   * {@code left op right} for op one of {@code + - * / ^}.
   *
   * @param operatorAt the offset of the operator
   */
  record Binary(char operator, Expr left, Expr right, int operatorAt, int start, int end) implements Expr {}

  /** {@code function(argument)}, such as {@code tanh(x)} or {@code gelu(x)}. */
  record Call(String function, Expr argument, int start, int end) implements Expr {}
}
