package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final double[][] POINTS = {{0.0, 1.0}, {2.0, 3.0}, {4.0, 5.0}};

  private static Dataset threeClasses() {
    return Dataset.classification("toy", List.of("a", "b"), POINTS, List.of("cat", "dog", "eel"), new int[] {2, 0, 1});
  }

  @Test
  void the_original_two_argument_constructor_still_makes_a_classification_data_set() {
    Dataset data = new Dataset(POINTS, new int[] {0, 1, 1});

    assertThat(data.size()).isEqualTo(3);
    assertThat(data.features()).isSameAs(POINTS);
    assertThat(data.labels()).containsExactly(0, 1, 1);
    assertThat(data.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(data.name()).isEqualTo("data");
    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.classNames()).containsExactly("0", "1");
    assertThat(data.targets()).isEmpty();
  }

  @Test
  void the_original_label_count_check_keeps_its_message() {
    assertThatThrownBy(() -> new Dataset(POINTS, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a data set needs one label per row, got 2 labels for 3 rows");
  }

  @Test
  void classification_target_rows_are_one_hot() {
    Dataset data = threeClasses();

    assertThat(data.targetWidth()).isEqualTo(3);
    assertThat(data.targetRows(TargetEncoding.ONE_HOT)).isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
  }

  @Test
  void sign_target_rows_have_plus_one_at_the_class_and_minus_one_elsewhere() {
    assertThat(threeClasses().targetRows(TargetEncoding.SIGNS)).isDeepEqualTo(new double[][] {{-1, -1, 1}, {1, -1, -1}, {-1, 1, -1}});
  }

  @Test
  void regression_target_rows_are_one_wide() {
    Dataset data = Dataset.regression("line", List.of("a", "b"), POINTS, "y", new double[] {0.5, -1.5, 2.0});

    assertThat(data.targetRows(TargetEncoding.ONE_HOT)).isDeepEqualTo(new double[][] {{0.5}, {-1.5}, {2.0}});
    assertThat(data.targetWidth()).isEqualTo(1);
    assertThat(data.labels()).isEmpty();
    assertThat(data.classNames()).isEmpty();
    assertThat(data.classCount()).isZero();
  }

  @Test
  void a_regression_data_set_has_no_sign_target_rows() {
    Dataset data = Dataset.regression("line", List.of("a", "b"), POINTS, "y", new double[] {0.5, -1.5, 2.0});

    assertThatThrownBy(() -> data.targetRows(TargetEncoding.SIGNS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("data set 'line' is a regression data set; ±1 target rows need classes, use TargetEncoding.ONE_HOT");
  }

  @Test
  void a_label_outside_the_classes_is_refused() {
    assertThatThrownBy(() -> Dataset.classification("toy", List.of("a", "b"), POINTS, List.of("cat", "dog"),
        new int[] {0, 2, 1}))
        .hasMessage("data set 'toy' row 1 has label 2 but the classes are 0..1 [cat, dog]");
  }

  @Test
  void a_row_of_the_wrong_width_is_refused() {
    assertThatThrownBy(() -> Dataset.classification("toy", List.of("a"), POINTS, List.of("cat"), new int[3]))
        .hasMessage("data set 'toy' row 0 has 2 features but there are 1 feature names [a]");
  }

  @Test
  void a_regression_needs_one_target_per_row() {
    assertThatThrownBy(() -> Dataset.regression("line", List.of("a", "b"), POINTS, "y", new double[2]))
        .hasMessage("a data set needs one target per row, got 2 targets for 3 rows");
  }

  @Test
  void select_keeps_the_names_and_picks_rows_in_order() {
    Dataset picked = threeClasses().select(new int[] {2, 0});

    assertThat(picked.features()).isDeepEqualTo(new double[][] {{4, 5}, {0, 1}});
    assertThat(picked.labels()).containsExactly(1, 2);
    assertThat(picked.name()).isEqualTo("toy");
    assertThat(picked.classNames()).containsExactly("cat", "dog", "eel");
  }

  @Test
  void class_counts_are_indexed_by_label() {
    Dataset data = Dataset.classification("toy", List.of("a", "b"), POINTS, List.of("cat", "dog", "eel"),
        new int[] {2, 2, 0});

    assertThat(data.classCounts()).containsExactly(1, 0, 2);
  }

  @Test
  void to_string_summarizes_the_data_set() {
    assertThat(threeClasses().toString())
        .isEqualTo("toy: 3 rows, 2 features [a, b], classification of class into 3 classes [cat, dog, eel] (1, 1, 1)");
    assertThat(Sine.generate(4, 0, 1).toString()).isEqualTo("sine: 4 rows, 1 features [x], regression of y");
  }

  @Test
  void a_summary_of_many_classes_gives_the_range_of_their_counts() {
    int[] labels = new int[30];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 8 ? 0 : 1 + i % 11;
    }
    double[][] x = new double[30][] ;
    java.util.Arrays.setAll(x, i -> new double[] {i});
    Dataset many = Dataset.classification("many", List.of("x"), x, Dataset.numbered("c", 12, 0), labels);

    assertThat(many.toString()).isEqualTo("many: 30 rows, 1 features [x], classification of class into 12 classes"
        + " [c0, c1, c2, …, c11] (2 to 8 rows each)");
  }

  @Test
  void with_targets_replaces_the_targets_of_a_regression_and_refuses_a_classification() {
    Dataset sine = Sine.generate(3, 0, 1);

    assertThat(sine.withTargets(new double[] {1, 2, 3}).targets()).containsExactly(1, 2, 3);
    assertThat(sine.withTargets(new double[] {1, 2, 3}).features()).isSameAs(sine.features());
    assertThatThrownBy(() -> threeClasses().withTargets(new double[] {1, 2, 3}))
        .hasMessage("data set 'toy' is a classification data set; it has labels, not targets");
  }
}
