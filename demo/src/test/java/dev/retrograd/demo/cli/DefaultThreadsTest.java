package dev.retrograd.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultThreadsTest {

  @Test
  void the_digits_network_stays_on_one_thread() {
    // 64·32 + 32 + 32·10 + 10 = 2,410 parameters; 16 rows per part would be 38,560 multiply-adds
    assertThat(DefaultThreads.of(2_410, 32, 2)).isEqualTo(1);
  }

  @Test
  void the_fashion_mnist_network_takes_every_core_that_pays() {
    // 784·128 + 128 + 128·10 + 10 = 101,770 parameters: 16 rows per part are 1.6 million
    assertThat(DefaultThreads.of(101_770, 32, 2)).isEqualTo(2);
    // on 8 cores: 4 rows per part (8 or 7 parts) are 407,080, too little; 5 rows (6 parts) are 508,850
    assertThat(DefaultThreads.of(101_770, 32, 8)).isEqualTo(6);
  }

  @Test
  void never_more_threads_than_cores_or_rows_and_never_fewer_than_one() {
    assertThat(DefaultThreads.of(10_000_000, 32, 1)).isEqualTo(1);
    assertThat(DefaultThreads.of(10_000_000, 3, 8)).isEqualTo(3);
    assertThat(DefaultThreads.of(10, 1, 8)).isEqualTo(1);
  }
}
