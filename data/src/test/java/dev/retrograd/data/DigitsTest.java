package dev.retrograd.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigitsTest {

  private static Dataset digits;

  @BeforeAll
  static void load() {
    digits = Digits.load();
  }

  @Test
  void digits_has_1797_images_of_64_pixels() {
    assertThat(digits.size()).isEqualTo(1797);
    assertThat(digits.featureCount()).isEqualTo(64);
    assertThat(digits.featureNames()).startsWith("pixel_0_0", "pixel_0_1").endsWith("pixel_7_7");
    assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void class_counts_are_those_of_sklearn_load_digits() {
    assertThat(digits.classCounts()).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
  }

  @Test
  void pixels_are_divided_by_16_into_zero_to_one() {
    double max = 0;
    for (double[] row : digits.features()) {
      for (double pixel : row) {
        assertThat(pixel).isBetween(0.0, 1.0);
        assertThat(pixel * 16).isEqualTo(Math.rint(pixel * 16));
        max = Math.max(max, pixel);
      }
    }
    assertThat(max).isEqualTo(1.0);
  }

  @Test
  void the_first_image_is_a_zero_as_in_the_file() {
    // the file's first line starts 0,0,5,13,9,1,0,0 and ends with label 0
    assertThat(digits.features()[0]).startsWith(0.0, 0.0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0.0, 0.0);
    assertThat(digits.labels()[0]).isZero();
    assertThat(digits.labels()[1]).isEqualTo(1);
  }
}
