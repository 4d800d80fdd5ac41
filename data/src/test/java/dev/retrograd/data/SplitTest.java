package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

  /** Row i holds the number i, so the rows of a split can be traced back. */
  private static Dataset traced(int... classSizes) {
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < classSizes.length; c++) {
      for (int i = 0; i < classSizes[c]; i++) {
        labels.add(c);
      }
    }
    double[][] x = IntStream.range(0, labels.size()).mapToObj(i -> new double[] {i}).toArray(double[][]::new);
    return Dataset.classification("traced", List.of("row"), x, Generation.classNames(classSizes.length),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int[] rowsOf(Dataset part) {
    return Arrays.stream(part.features()).mapToInt(row -> (int) row[0]).toArray();
  }

  @Test
  void a_stratified_split_keeps_each_class_share_in_the_test_set() {
    Split split = Split.trainTestSplit(traced(60, 30, 10), 0.2, 1);

    assertThat(split.test().classCounts()).containsExactly(12, 6, 2);
    assertThat(split.train().classCounts()).containsExactly(48, 24, 8);
  }

  @Test
  void the_test_set_holds_the_ceiling_of_the_fraction_and_leftover_rows_go_to_the_largest_remainders() {
    // 10 rows, 0.25 → ⌈2.5⌉ = 3 test rows; class 0 (7 rows) 2.1 → 2, class 1 (3 rows) 0.9 → 0 + 1
    Split split = Split.trainTestSplit(traced(7, 3), 0.25, 1);

    assertThat(split.test().classCounts()).containsExactly(2, 1);
  }

  @Test
  void digits_split_keeps_every_class_within_one_row_of_its_share() {
    Dataset digits = Digits.load();
    Split split = Split.trainTestSplit(digits, 0.2, 7);

    assertThat(split.test().size()).isEqualTo(360);
    int[] counts = digits.classCounts();
    int[] test = split.test().classCounts();
    for (int c = 0; c < 10; c++) {
      assertThat((double) test[c]).isCloseTo(counts[c] * 360.0 / 1797, within(1.0));
    }
  }

  @Test
  void every_row_lands_in_exactly_one_part() {
    Split split = Split.trainTestSplit(traced(13, 8, 5), 0.3, 2);

    int[] all = IntStream.concat(Arrays.stream(rowsOf(split.train())), Arrays.stream(rowsOf(split.test())))
        .sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 26).toArray());
    for (int i = 0; i < split.test().size(); i++) {
      int row = (int) split.test().features()[i][0];
      assertThat(split.test().labels()[i]).isEqualTo(row < 13 ? 0 : row < 21 ? 1 : 2);
    }
  }

  @Test
  void the_same_seed_gives_the_same_split_and_another_seed_another() {
    Dataset data = traced(40, 40);

    assertThat(rowsOf(Split.trainTestSplit(data, 0.25, 5).test()))
        .isEqualTo(rowsOf(Split.trainTestSplit(data, 0.25, 5).test()));
    assertThat(rowsOf(Split.trainTestSplit(data, 0.25, 5).test()))
        .isNotEqualTo(rowsOf(Split.trainTestSplit(data, 0.25, 6).test()));
  }

  @Test
  void the_parts_are_shuffled_rather_than_class_sorted() {
    int[] labels = Split.trainTestSplit(traced(50, 50), 0.2, 3).train().labels();
    int[] sorted = labels.clone();
    Arrays.sort(sorted);

    assertThat(labels).isNotEqualTo(sorted);
  }

  @Test
  void a_regression_split_draws_the_ceiling_of_the_fraction() {
    Split split = Split.trainTestSplit(Sine.generate(101, 0.1, 1), 0.1, 4);

    assertThat(split.test().size()).isEqualTo(11);
    assertThat(split.train().size()).isEqualTo(90);
    assertThat(split.test().targets()).hasSize(11);
  }

  @Test
  void a_fraction_outside_zero_to_one_is_refused() {
    assertThatThrownBy(() -> Split.trainTestSplit(traced(5, 5), 1.0, 1))
        .hasMessage("testFraction must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> Split.trainTestSplit(traced(5, 5), 0.95, 1))
        .hasMessage("a test fraction of 0.95 holds out all 10 rows of 'traced' and leaves none to train on; "
            + "use a smaller fraction or more rows");
  }
}
