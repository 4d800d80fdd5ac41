package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

  @TempDir
  Path folder;

  private Path csv(String name, String... lines) throws IOException {
    return Files.writeString(folder.resolve(name), String.join("\n", lines), StandardCharsets.UTF_8);
  }

  private Path data(String... lines) throws IOException {
    return csv("data.csv", lines);
  }

  // Happy paths

  @Test
  void string_labels_become_sorted_classes_and_the_last_column_is_the_target() throws IOException {
    Dataset iris = CsvDataset.load(csv("iris.csv",
        "sepal_length,sepal_width,species",
        "5.1,3.5,setosa",
        "7.0,3.2,versicolor",
        "6.3,3.3,virginica",
        "4.9,3.0,setosa"));

    assertThat(iris.name()).isEqualTo("iris");
    assertThat(iris.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(iris.featureNames()).containsExactly("sepal_length", "sepal_width");
    assertThat(iris.targetName()).isEqualTo("species");
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(iris.labels()).containsExactly(0, 1, 2, 0);
    assertThat(iris.features()).isDeepEqualTo(new double[][] {{5.1, 3.5}, {7.0, 3.2}, {6.3, 3.3}, {4.9, 3.0}});
  }

  @Test
  void few_distinct_integer_targets_are_inferred_as_classes_in_numeric_order() throws IOException {
    Dataset data = CsvDataset.load(data(
        "a,b,label", "1,2,10", "3,4,2", "5,6,2.0", "7,8,10", "9,10,2"));

    assertThat(data.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(data.classNames()).containsExactly("2", "10");
    assertThat(data.labels()).containsExactly(1, 0, 0, 1, 0);
  }

  @Test
  void fractional_targets_are_inferred_as_regression() throws IOException {
    Dataset data = CsvDataset.load(data("x,y", "1,0.5", "2,1.0", "3,1.5", "4,2.0", "5,2.5", "6,3"));

    assertThat(data.task()).isEqualTo(Task.REGRESSION);
    assertThat(data.targets()).containsExactly(0.5, 1.0, 1.5, 2.0, 2.5, 3.0);
    assertThat(data.classNames()).isEmpty();
  }

  @Test
  void integer_targets_with_as_many_values_as_half_the_rows_are_inferred_as_regression() throws IOException {
    Dataset data = CsvDataset.load(data("x,y", "1,1", "2,2", "3,1", "4,2"));

    assertThat(data.task()).isEqualTo(Task.REGRESSION);
  }

  @Test
  void the_task_rule_counts_distinct_integers_against_twenty_and_half_the_rows() {
    assertThat(CsvDataset.inferTask(List.of("1", "2", "1", "2", "1"))).isEqualTo(Task.CLASSIFICATION);
    assertThat(CsvDataset.inferTask(List.of("1", "2", "1", "2"))).isEqualTo(Task.REGRESSION);
    assertThat(CsvDataset.inferTask(List.of("1", "2", "1.5", "2", "1"))).isEqualTo(Task.REGRESSION);
    assertThat(CsvDataset.inferTask(List.of("1", "2", "b", "b"))).isEqualTo(Task.CLASSIFICATION);
    List<String> twentyOne = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      twentyOne.add(Integer.toString(i % 21));
    }
    assertThat(CsvDataset.inferTask(twentyOne)).isEqualTo(Task.REGRESSION);
    assertThat(CsvDataset.inferTask(twentyOne.subList(0, 20))).isEqualTo(Task.REGRESSION);
    List<String> twenty = twentyOne.stream().filter(v -> !v.equals("20")).toList();
    assertThat(CsvDataset.inferTask(twenty)).isEqualTo(Task.CLASSIFICATION);
  }

  @Test
  void the_target_can_be_named_and_need_not_be_last() throws IOException {
    Dataset data = CsvDataset.load(data("price,rooms,area", "100.5,3,70", "80.25,2,50", "130,4,90"), "price");

    assertThat(data.task()).isEqualTo(Task.REGRESSION);
    assertThat(data.targetName()).isEqualTo("price");
    assertThat(data.featureNames()).containsExactly("rooms", "area");
    assertThat(data.features()).isDeepEqualTo(new double[][] {{3, 70}, {2, 50}, {4, 90}});
    assertThat(data.targets()).containsExactly(100.5, 80.25, 130.0);
  }

  @Test
  void the_task_can_be_forced() throws IOException {
    Path file = data("x,y", "1,0", "2,1", "3,0", "4,1");

    assertThat(CsvDataset.load(file).task()).isEqualTo(Task.REGRESSION);
    Dataset forced = CsvDataset.load(file, null, Task.CLASSIFICATION);
    assertThat(forced.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(forced.classNames()).containsExactly("0", "1");
    assertThat(CsvDataset.load(data("x,y", "1,1", "2,2", "3,1", "4,2", "5,1"), "y", Task.REGRESSION).targets())
        .containsExactly(1.0, 2.0, 1.0, 2.0, 1.0);
  }

  @Test
  void blank_lines_whitespace_quotes_and_a_byte_order_mark_are_tolerated() throws IOException {
    Dataset data = CsvDataset.load(data(
        "\uFEFF \"a\" , b ,\"label\"",
        "",
        "  1 , -2.5e1 , \"yes\" ",
        "   ",
        "+3,.5,no\r",
        ""));

    assertThat(data.featureNames()).containsExactly("a", "b");
    assertThat(data.features()).isDeepEqualTo(new double[][] {{1, -25}, {3, 0.5}});
    assertThat(data.classNames()).containsExactly("no", "yes");
    assertThat(data.labels()).containsExactly(1, 0);
  }

  // Errors, each message asserted exactly

  @Test
  void a_row_with_the_wrong_number_of_fields_names_file_line_and_columns() throws IOException {
    Path file = data("a,b,c,d,label", "1,2,3,4,x", "1,2,3,4,y", "", "1,2,3,4,x", "1,2,3,4,y", "1,2,3,x", "1,2,3,4,y");

    assertThatThrownBy(() -> CsvDataset.load(file))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv line 7: expected 5 fields (a,b,c,d,label) but found 4");
  }

  @Test
  void a_feature_that_is_not_a_number_names_file_line_and_field() throws IOException {
    Path file = data("sepal_length,petal_width,species", "5.1,0.2,setosa", "5.0,abc,setosa");

    assertThatThrownBy(() -> CsvDataset.load(file))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv line 3, field 'petal_width': 'abc' is not a number");
  }

  @Test
  void nan_and_infinity_are_not_numbers_here() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,label", "NaN,x", "1,y")))
        .hasMessage("data.csv line 2, field 'a': 'NaN' is not a number");
    assertThatThrownBy(() -> CsvDataset.load(data("a,label", "1,x", "1e999,y")))
        .hasMessage("data.csv line 3, field 'a': '1e999' is too large for a double");
  }

  @Test
  void an_empty_field_is_a_missing_value() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,b,label", "1,2,x", "3,,y")))
        .hasMessage("data.csv line 3, field 'b' is empty; missing values are not supported, "
            + "fill it in or remove the row");
    assertThatThrownBy(() -> CsvDataset.load(data("a,b,label", "1,2,x", "3,4, ")))
        .hasMessage("data.csv line 3, field 'label' is empty; missing values are not supported, "
            + "fill it in or remove the row");
  }

  @Test
  void an_empty_file_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv is empty; expected a header row with the column names, then one row per example");
    assertThatThrownBy(() -> CsvDataset.load(data("", "  ", "")))
        .hasMessage("data.csv is empty; expected a header row with the column names, then one row per example");
  }

  @Test
  void a_header_without_rows_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,b,label", "", "")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv has a header row but no data rows; add one row per example below the header");
  }

  @Test
  void a_missing_target_column_lists_the_columns() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,b,label", "1,2,x"), "species"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv has no column 'species'; columns: [a, b, label]");
  }

  @Test
  void a_single_class_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,species", "1,setosa", "2,setosa", "3,setosa")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv: the target column 'species' has a single class 'setosa' in all 3 rows; "
            + "classification needs at least 2 classes");
    assertThatThrownBy(() -> CsvDataset.load(data("a,y", "1,1", "2,1.0", "3,1", "4,1", "5,1")))
        .hasMessage("data.csv: the target column 'y' has a single class '1' in all 5 rows; "
            + "classification needs at least 2 classes");
  }

  @Test
  void a_duplicate_column_name_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,b, a ,label", "1,2,3,x")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv line 1: column name 'a' appears twice (columns 1 and 3); column names must be unique");
  }

  @Test
  void an_unnamed_column_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,b,label,", "1,2,x,")))
        .hasMessage("data.csv line 1: column 4 has no name; every column needs a name in the header row");
  }

  @Test
  void a_file_with_only_the_target_column_is_refused() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("label", "x", "y")))
        .hasMessage("data.csv has only the target column 'label'; at least one feature column is needed");
  }

  @Test
  void a_forced_regression_needs_numeric_targets() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,label", "1,2", "2,x"), null, Task.REGRESSION))
        .hasMessage("data.csv line 3, field 'label': 'x' is not a number; regression needs a numeric target");
  }

  // The target is what it looks like

  private static String[] numericTable(int rows, int badRow, String badValue) {
    String[] lines = new String[rows + 1];
    lines[0] = "a,b,y";
    for (int r = 0; r < rows; r++) {
      lines[r + 1] = r * 0.1 + "," + r % 7 + "," + (r == badRow ? badValue : Double.toString(r * 1.5 + 0.25));
    }
    return lines;
  }

  @Test
  void one_nan_in_a_numeric_target_names_its_line_and_field_whatever_the_task() throws IOException {
    Path file = data(numericTable(300, 150, "NaN"));
    String message = "data.csv line 152, field 'y': 'NaN' is not a finite number; the target column 'y' holds"
        + " numbers, and each row needs a finite one (fix or remove the row)";

    assertThatThrownBy(() -> CsvDataset.load(file)).isInstanceOf(CsvFormatException.class).hasMessage(message);
    assertThatThrownBy(() -> CsvDataset.load(file, "y", Task.REGRESSION)).hasMessage(message);
    assertThatThrownBy(() -> CsvDataset.load(file, "y", Task.CLASSIFICATION)).hasMessage(message);
  }

  @Test
  void every_spelling_of_an_infinite_target_is_refused() throws IOException {
    for (String infinite : List.of("Infinity", "-inf", "+INF", "nan", "1e999", "-1E400")) {
      assertThatThrownBy(() -> CsvDataset.load(data(numericTable(30, 3, infinite))))
          .hasMessageStartingWith("data.csv line 5, field 'y': '" + infinite + "' is not a finite number;");
    }
  }

  @Test
  void one_word_in_a_numeric_target_is_an_error_not_hundreds_of_classes() throws IOException {
    Path file = data(numericTable(300, 150, "abc"));

    assertThatThrownBy(() -> CsvDataset.load(file))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("data.csv line 152, field 'y': 'abc' is not a number, but 299 of the 300 values of the target"
            + " column 'y' are; fix the value, or set the task to classification to read every value as a class"
            + " name");
  }

  @Test
  void a_mixed_target_given_the_task_classification_is_read_as_class_names() throws IOException {
    Dataset data = CsvDataset.load(data("a,y", "1,1", "2,2", "3,other", "4,1", "5,2"), "y", Task.CLASSIFICATION);

    assertThat(data.classNames()).containsExactly("1", "2", "other");
    assertThat(data.labels()).containsExactly(0, 1, 2, 0, 1);
  }

  @Test
  void class_names_that_spell_nan_are_names_when_no_target_is_a_number() throws IOException {
    Dataset data = CsvDataset.load(data("a,who", "1,Nan", "2,Bob", "3,Nan"));

    assertThat(data.classNames()).containsExactly("Bob", "Nan");
  }

  // Files that are not CSV text, each named with its cause

  @Test
  void a_missing_file_says_so() {
    Path missing = folder.resolve("iris.csv");

    assertThatThrownBy(() -> CsvDataset.load(missing))
        .isInstanceOf(IOException.class)
        .hasMessage("Cannot read " + missing + ": no such file");
  }

  @Test
  void a_folder_says_it_is_a_folder() {
    assertThatThrownBy(() -> CsvDataset.load(folder))
        .isInstanceOf(IOException.class)
        .hasMessage("Cannot read " + folder + ": it is a folder, not a file");
  }

  @Test
  void an_unreadable_file_says_permission_denied() throws IOException {
    Path file = data("a,label", "1,x", "2,y");
    Assumptions.assumeTrue(file.toFile().setReadable(false, false) && !Files.isReadable(file),
        "the file stays readable (running as root)");

    assertThatThrownBy(() -> CsvDataset.load(file)).hasMessage("Cannot read " + file + ": permission denied");
  }

  @Test
  void latin_1_text_names_the_line_of_the_first_byte_that_is_not_utf_8() throws IOException {
    Path file = Files.write(folder.resolve("cafe.csv"),
        "a,b,name\n1,2,tea\r\n3,4,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> CsvDataset.load(file))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("cafe.csv line 3 is not UTF-8 text (byte 0xE9); save the file as UTF-8 (it may be Latin-1 or"
            + " Windows-1252)");
  }

  @Test
  void a_gzip_file_says_it_is_compressed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("a,label\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
    }
    Path file = Files.write(folder.resolve("data.csv.gz"), bytes.toByteArray());

    assertThatThrownBy(() -> CsvDataset.load(file))
        .hasMessage("data.csv.gz is compressed with gzip, not a text file; decompress it first (gunzip) and read the"
            + " file it gives");
  }

  @Test
  void a_binary_file_is_not_read_as_text() throws IOException {
    Path file = Files.write(folder.resolve("data.csv"), new byte[] {'a', ',', 'b', '\n', '1', 0, '2', '\n'});

    assertThatThrownBy(() -> CsvDataset.load(file))
        .hasMessage("data.csv line 2 holds a NUL character, so it is not a text file; give a CSV text file");
  }

  @Test
  void values_in_messages_have_control_characters_escaped_and_are_shortened() throws IOException {
    assertThatThrownBy(() -> CsvDataset.load(data("a,label", "1,x", "\u001b[2J\u0007,y")))
        .hasMessage("data.csv line 3, field 'a': '\\u001b[2J\\u0007' is not a number");
    String longValue = "x".repeat(100);
    assertThatThrownBy(() -> CsvDataset.load(data("a,label", "1,x", longValue + ",y")))
        .hasMessage("data.csv line 3, field 'a': '" + "x".repeat(40) + "…' is not a number");
  }
}
