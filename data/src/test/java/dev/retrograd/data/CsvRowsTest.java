package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

  private static final List<String> FEATURES = List.of("sepal_length", "sepal_width");
  private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  @TempDir
  Path folder;

  private Path csv(String... lines) throws IOException {
    return Files.writeString(folder.resolve("new.csv"), String.join("\n", lines), StandardCharsets.UTF_8);
  }

  @Test
  void columns_are_read_by_name_in_any_order_with_the_target_optional() throws IOException {
    CsvRows labelled = CsvRows.read(csv("species,sepal_width,sepal_length", "virginica,3.0,6.5", "", "setosa,3.5,5.1"),
        FEATURES, "species", CLASSES);
    CsvRows unlabelled = CsvRows.read(csv("sepal_width,sepal_length", "3.0,6.5"), FEATURES, "species", CLASSES);

    assertThat(labelled.features()).isDeepEqualTo(new double[][] {{6.5, 3.0}, {5.1, 3.5}});
    assertThat(labelled.hasTarget()).isTrue();
    assertThat(labelled.labels()).containsExactly(2, 0);
    assertThat(labelled.lines()).containsExactly(2, 4);
    assertThat(unlabelled.hasTarget()).isFalse();
    assertThat(unlabelled.labels()).isEmpty();
  }

  @Test
  void a_regression_target_is_read_as_a_number() throws IOException {
    CsvRows rows = CsvRows.read(csv("x,price", "1,250000.5"), List.of("x"), "price", List.of());

    assertThat(rows.targets()).containsExactly(250000.5);
  }

  @Test
  void a_missing_feature_column_is_refused_naming_the_header_line() throws IOException {
    Path file = csv("sepal_length,species", "5.1,setosa");

    assertThatThrownBy(() -> CsvRows.read(file, FEATURES, "species", CLASSES))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("new.csv line 1: the feature column 'sepal_width' is missing; the model takes [sepal_length,"
            + " sepal_width]");
  }

  @Test
  void an_extra_column_is_refused_naming_what_the_model_takes() throws IOException {
    Path file = csv("sepal_length,sepal_width,petal_length", "5.1,3.5,1.4");

    assertThatThrownBy(() -> CsvRows.read(file, FEATURES, "species", CLASSES))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("new.csv line 1: column 'petal_length' is not one the model knows; it takes the features"
            + " [sepal_length, sepal_width] and, optionally, the target 'species'");
  }

  @Test
  void a_class_the_model_never_saw_is_refused_with_its_line() throws IOException {
    Path file = csv("sepal_length,sepal_width,species", "5.1,3.5,setosa", "6.1,2.5,daisy");

    assertThatThrownBy(() -> CsvRows.read(file, FEATURES, "species", CLASSES))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("new.csv line 3, field 'species': 'daisy' is not a class the model knows; its classes are"
            + " [setosa, versicolor, virginica]");
  }

  @Test
  void numeric_classes_match_by_value() throws IOException {
    CsvRows rows = CsvRows.read(csv("x,digit", "0.5,2.0", "0.1,10"), List.of("x"), "digit", List.of("2", "10"));

    assertThat(rows.labels()).containsExactly(0, 1);
  }

  @Test
  void a_row_with_a_field_too_many_or_a_word_for_a_number_is_refused_with_its_line() throws IOException {
    Path extra = csv("sepal_length,sepal_width", "5.1,3.5", "5.1,3.5,9");
    assertThatThrownBy(() -> CsvRows.read(extra, FEATURES, "species", CLASSES))
        .hasMessage("new.csv line 3: expected 2 fields (sepal_length,sepal_width) but found 3");

    Path word = csv("sepal_length,sepal_width", "5.1,wide");
    assertThatThrownBy(() -> CsvRows.read(word, FEATURES, "species", CLASSES))
        .hasMessage("new.csv line 2, field 'sepal_width': 'wide' is not a finite number");
  }
}
