package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetsTest {

  @Test
  void the_registry_lists_the_generated_data_sets() {
    assertThat(Datasets.names()).containsExactly("circles", "moons", "sine", "spiral", "xor");
  }

  @Test
  void the_registry_gives_what_the_generator_gives() {
    assertThat(Datasets.generate("moons", 40, 0.1, 3).features()).isDeepEqualTo(Moons.generate(40, 0.1, 3).features());
    assertThat(Datasets.generate("xor", 40, 0.1, 3).features()).isDeepEqualTo(Xor.generate(40, 0.1, 3).features());
  }

  @Test
  void an_unknown_name_lists_the_available_ones() {
    assertThatThrownBy(() -> Datasets.generate("mooons", 100, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown data set 'mooons'; available: [circles, moons, sine, spiral, xor].");
  }

  @Test
  void digits_is_loaded_not_generated() {
    assertThatThrownBy(() -> Datasets.generate("digits", 100, 0.1, 1))
        .hasMessage("Data set 'digits' is loaded from a file, not generated; use Digits.load().");
  }

  @Test
  void only_spiral_takes_a_number_of_classes() {
    assertThat(Datasets.generate("moons", 40, 0.1, 3, 2).classCount()).isEqualTo(2);
    assertThatThrownBy(() -> Datasets.generate("moons", 40, 0.1, 3, 3))
        .hasMessage("moons has 2 classes, was asked for 3; only spiral takes a number of classes");
    assertThatThrownBy(() -> Datasets.generate("sine", 40, 0.1, 3, 3))
        .hasMessage("sine is a regression data set and has no classes, was asked for 3; "
            + "only spiral takes a number of classes");
  }
}
