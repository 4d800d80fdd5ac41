package dev.retrograd.demo.expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the expression language of {@code retrograd graph}, by recursive descent:
 *
 * <pre>
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "/") unary }
 *   unary   = "-" unary | power
 *   power   = primary [ "^" unary ]             right-associative: 2^3^2 = 2^(3^2), -x^2 = -(x^2)
 *   primary = number | name "(" sum ")" | name | "(" sum ")"
 *   number  = digits [ "." digits ] [ ("e" | "E") [ "+" | "-" ] digits ], or "." digits …
 *   name    = letter or "_", then letters, digits or "_"
 * </pre>
 *
 * <p>Spaces are ignored. A name followed by {@code (} is a function, any other name a variable.
 */
public final class ExpressionParser {

  private final String text;
  private int pos;
  private final Set<String> variables = new LinkedHashSet<>();

  private ExpressionParser(String text) {
    this.text = text;
  }

  /**
   * Parses {@code text}.
   *
   * @throws ExpressionException at the column of the first syntax error
   */
  public static ParsedExpression parse(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    if (text.isBlank()) {
      throw new ExpressionException("The expression is empty; write one such as 'tanh(x1*w1 + x2*w2 + b)'.", text,
          1);
    }
    Expr root = parser.sum();
    parser.skipSpaces();
    if (parser.pos < text.length()) {
      char c = text.charAt(parser.pos);
      throw parser.error(c == ')' ? "unmatched ')'" : "expected an operator (+ - * / ^) or the end of the expression",
          c == ')' ? "" : ", found " + parser.describeNext());
    }
    return new ParsedExpression(text, root, List.copyOf(parser.variables));
  }

  private Expr sum() {
    Expr left = product();
    while (peek() == '+' || peek() == '-') {
      char operator = text.charAt(pos);
      int at = pos++;
      Expr right = product();
      left = new Expr.Binary(operator, left, right, at, left.start(), right.end());
    }
    return left;
  }

  private Expr product() {
    Expr left = unary();
    while (peek() == '*' || peek() == '/') {
      char operator = text.charAt(pos);
      int at = pos++;
      Expr right = unary();
      left = new Expr.Binary(operator, left, right, at, left.start(), right.end());
    }
    return left;
  }

  private Expr unary() {
    if (peek() == '-') {
      int start = pos++;
      Expr operand = unary();
      return new Expr.Negation(operand, start, operand.end());
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    if (peek() == '^') {
      int at = pos++;
      Expr exponent = unary();
      return new Expr.Binary('^', base, exponent, at, base.start(), exponent.end());
    }
    return base;
  }

  private Expr primary() {
    char c = peek();
    int start = pos;
    if (c == '(') {
      pos++;
      Expr inner = sum();
      if (peek() != ')') {
        throw error("expected ')' to close the '(' at column " + (start + 1), ", found " + describeNext());
      }
      pos++;
      return inner;
    }
    if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      if (peek() == '(') {
        int open = pos++;
        Expr argument = sum();
        if (peek() != ')') {
          throw error("expected ')' to close " + name + "( at column " + (open + 1), ", found " + describeNext());
        }
        pos++;
        return new Expr.Call(name, argument, start, pos);
      }
      variables.add(name);
      return new Expr.Variable(name, start, pos);
    }
    throw error("expected a number, a variable, a function or '('", ", found " + describeNext());
  }

  private Expr number() {
    int start = pos;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos == text.length() || !Character.isDigit(text.charAt(pos))) {
        pos = mark;
        throw error("expected the digits of an exponent after '" + text.substring(start, mark + 1) + "'",
            ", found " + (mark + 1 < text.length() ? "'" + text.charAt(mark + 1) + "'" : "the end of the expression"));
      }
      digits();
    }
    return new Expr.Number(Double.parseDouble(text.substring(start, pos)), start, pos);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  /** Returns the next character after spaces, or 0 at the end. */
  private char peek() {
    skipSpaces();
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String describeNext() {
    skipSpaces();
    return pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of the expression";
  }

  private ExpressionException error(String what, String found) {
    skipSpaces();
    return new ExpressionException(String.format(Locale.ROOT, "Syntax error at column %d: %s%s.", pos + 1, what,
        found), text, pos + 1);
  }

  /**
   * A parsed expression: its text, its tree and its variables in order of first appearance.
   *
   * @param text the expression as given
   * @param root the tree
   * @param variables the names of its variables, each once, in order of first appearance
   */
  public record ParsedExpression(String text, Expr root, List<String> variables) {}
}
