package dev.retrograd.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void seed_zero_gives_the_reference_sequence_of_splitmix64_c() {
    SplitMix64 random = new SplitMix64(0);
    assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void a_restored_state_continues_the_same_sequence() {
    SplitMix64 random = new SplitMix64(42);
    random.nextLong();
    long state = random.state();
    long[] expected = {random.nextLong(), random.nextInt(10), random.nextLong()};
    SplitMix64 other = new SplitMix64(7);
    other.restore(state);
    assertThat(new long[] {other.nextLong(), other.nextInt(10), other.nextLong()}).containsExactly(expected);
  }

  @Test
  void bounded_ints_stay_in_range_and_cover_it() {
    SplitMix64 random = new SplitMix64(1);
    int[] counts = new int[7];
    for (int i = 0; i < 7000; i++) {
      counts[random.nextInt(7)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(850, 1150);
    }
    assertThatThrownBy(() -> random.nextInt(0)).hasMessage("bound must be > 0, was 0");
  }

  @Test
  void shuffle_is_a_permutation() {
    int[] indices = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    new SplitMix64(3).shuffle(indices);
    assertThat(indices)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
        .isNotEqualTo(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  }
}
