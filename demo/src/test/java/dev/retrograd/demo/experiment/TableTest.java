package dev.retrograd.demo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void names_are_flush_left_and_figures_flush_right_two_spaces_apart() {
    Table table = new Table("run", "final loss", "ratio")
        .row("sgd", "0.03125", "2.457")
        .row("no clipping", "-", "1.51e+06");

    assertThat(table.toString()).isEqualTo(""
        + "run          final loss     ratio\n"
        + "sgd             0.03125     2.457\n"
        + "no clipping           -  1.51e+06\n");
  }

  @Test
  void a_row_needs_one_cell_per_column() {
    assertThatThrownBy(() -> new Table("run", "loss").row("sgd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row needs 2 cells [run, loss], got 1 [sgd]");
  }

  @Test
  void numbers_are_plain_with_four_significant_digits_between_a_thousandth_and_ten_thousand() {
    assertThat(Table.number(0.03125)).isEqualTo("0.03125");
    assertThat(Table.number(1.0986)).isEqualTo("1.099");
    assertThat(Table.number(531.23)).isEqualTo("531.2");
    assertThat(Table.number(0.0018104)).isEqualTo("0.001810");
    assertThat(Table.number(9871.4)).isEqualTo("9871");
    assertThat(Table.number(12345.6)).isEqualTo("1.23e+04");
    assertThat(Table.number(5.3812e-8)).isEqualTo("5.38e-08");
    assertThat(Table.number(1.0812e263)).isEqualTo("1.08e+263");
    assertThat(Table.number(0)).isEqualTo("0.000");
    assertThat(Table.number(Double.NaN)).isEqualTo("-");
    assertThat(Table.number(Double.POSITIVE_INFINITY)).isEqualTo("inf");
  }

  @Test
  void shares_are_percentages_with_one_decimal() {
    assertThat(Table.percent(0.98667)).isEqualTo("98.7%");
    assertThat(Table.percent(1)).isEqualTo("100.0%");
    assertThat(Table.percent(Double.NaN)).isEqualTo("-");
  }
}
