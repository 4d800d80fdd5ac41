package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every generated data set promises: shape, names, determinism by seed, argument checks. */
class GeneratorsTest {

  static Stream<String> names() {
    return Datasets.names().stream();
  }

  @ParameterizedTest
  @MethodSource("names")
  void each_generator_gives_n_rows_of_the_right_width(String name) {
    Dataset data = Datasets.generate(name, 101, 0.1, 3);

    assertThat(data.name()).isEqualTo(name);
    assertThat(data.size()).isEqualTo(101);
    int width = name.equals("sine") ? 1 : 2;
    assertThat(data.featureCount()).isEqualTo(width);
    assertThat(Arrays.asList(data.features())).allSatisfy(row -> assertThat(row).hasSize(width));
    assertThat(data.targetRows(TargetEncoding.ONE_HOT)).hasNumberOfRows(101);
  }

  @ParameterizedTest
  @MethodSource("names")
  void the_same_seed_gives_the_same_data_and_another_seed_other_data(String name) {
    Dataset once = Datasets.generate(name, 60, 0.1, 9);
    Dataset again = Datasets.generate(name, 60, 0.1, 9);
    Dataset other = Datasets.generate(name, 60, 0.1, 10);

    assertThat(again.features()).isDeepEqualTo(once.features());
    assertThat(again.labels()).isEqualTo(once.labels());
    assertThat(again.targets()).isEqualTo(once.targets());
    assertThat(Arrays.deepEquals(other.features(), once.features())).isFalse();
  }

  @ParameterizedTest
  @MethodSource("names")
  void classes_are_balanced_to_within_one_point(String name) {
    Dataset data = Datasets.generate(name, 101, 0.1, 4);
    if (data.task() == Task.REGRESSION) {
      assertThat(data.classCounts()).isEmpty();
      return;
    }
    int[] counts = data.classCounts();
    assertThat(Arrays.stream(counts).sum()).isEqualTo(101);
    assertThat(Arrays.stream(counts).max().getAsInt() - Arrays.stream(counts).min().getAsInt()).isLessThanOrEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"moons", "circles", "spiral", "xor"})
  void classification_rows_are_shuffled(String name) {
    Dataset data = Datasets.generate(name, 100, 0.1, 5);
    int[] sorted = data.labels().clone();
    Arrays.sort(sorted);

    assertThat(data.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(data.labels()).isNotEqualTo(sorted);
  }

  @Test
  void sine_rows_are_shuffled_along_x() {
    Dataset sine = Datasets.generate("sine", 100, 0.1, 5);
    double[] x = Arrays.stream(sine.features()).mapToDouble(row -> row[0]).toArray();
    double[] sorted = x.clone();
    Arrays.sort(sorted);

    assertThat(sine.task()).isEqualTo(Task.REGRESSION);
    assertThat(x).isNotEqualTo(sorted);
  }

  @ParameterizedTest
  @MethodSource("names")
  void negative_noise_is_refused(String name) {
    assertThatThrownBy(() -> Datasets.generate(name, 10, -0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(name + " noise must be a finite number >= 0, was -0.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"moons", "circles", "xor"})
  void two_class_sets_need_two_points(String name) {
    assertThatThrownBy(() -> Datasets.generate(name, 1, 0.1, 1))
        .hasMessage(name + " needs at least 2 points, was 1");
  }
}
