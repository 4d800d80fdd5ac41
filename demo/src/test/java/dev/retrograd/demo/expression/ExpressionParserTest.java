package dev.retrograd.demo.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.demo.expression.ExpressionParser.ParsedExpression;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

  private static double evaluate(String text, Map<String, Double> values) {
    ParsedExpression parsed = ExpressionParser.parse(text);
    return ExpressionGraph.build(parsed, values, Functions.of(Map.of()), name -> false).output().data();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "2 + 3 * 4; 14",
      "(2 + 3) * 4; 20",
      "2 ^ 3 ^ 2; 512",
      "-2 ^ 2; -4",
      "2 ^ -1; 0.5",
      "(-2) ^ 2; 4",
      "8 / 4 / 2; 1",
      "8 - 4 - 2; 2",
      "--3; 3",
      "1.5e2 + .25 + 2E-1; 150.45",
      "exp(log(3)); 3",
      "sqrt(16) - abs(-2) + relu(-5) + tanh(0) + sigmoid(0); 2.5"})
  void operators_follow_the_usual_precedence_and_associativity(String text, double expected) {
    assertThat(evaluate(text, Map.of())).isCloseTo(expected, within(1e-12));
  }

  @Test
  void variables_are_listed_once_in_order_of_first_appearance() {
    ParsedExpression parsed = ExpressionParser.parse("tanh(x1*w1 + x2*w2 + b) * x1 + _y_2");

    assertThat(parsed.variables()).containsExactly("x1", "w1", "x2", "w2", "b", "_y_2");
  }

  @Test
  void a_syntax_error_names_its_column_and_points_at_it() {
    assertThatThrownBy(() -> ExpressionParser.parse("tanh(x1*w1 +)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Syntax error at column 13: expected a number, a variable, a function or '(', found ')'.")
        .satisfies(e -> assertThat(((ExpressionException) e).pointer()).isEqualTo(
            "  tanh(x1*w1 +)\n              ^"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "(x * y; Syntax error at column 7: expected ')' to close the '(' at column 1, found the end of the expression.",
      "tanh(x; Syntax error at column 7: expected ')' to close tanh( at column 5, found the end of the expression.",
      "x + y); Syntax error at column 6: unmatched ')'.",
      "2 x; Syntax error at column 3: expected an operator (+ - * / ^) or the end of the expression, found 'x'.",
      "x $ y; Syntax error at column 3: expected an operator (+ - * / ^) or the end of the expression, found '$'.",
      "x *; Syntax error at column 4: expected a number, a variable, a function or '(', found the end of the expression.",
      "1e+x; Syntax error at column 2: expected the digits of an exponent after '1e', found '+'."})
  void each_syntax_error_is_one_line_with_its_column(String text, String message) {
    assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOf(ExpressionException.class).hasMessage(message);
  }

  @Test
  void an_empty_expression_says_what_to_write() {
    assertThatThrownBy(() -> ExpressionParser.parse("   ")).isInstanceOf(ExpressionException.class)
        .hasMessage("The expression is empty; write one such as 'tanh(x1*w1 + x2*w2 + b)'.");
  }
}
