package dev.retrograd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  @Test
  void engine_example_compiles_and_prints_micrograd_numbers() throws Exception {
    String printed = ReadmeSnippet.named("engine").run();
    assertThat(printed.lines()).containsExactly("24.7041", "138.8338", "645.5773");
  }
}
