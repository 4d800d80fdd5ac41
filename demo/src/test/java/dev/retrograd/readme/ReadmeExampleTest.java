package dev.retrograd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  @Test
  void engine_example_compiles_and_prints_micrograd_numbers() throws Exception {
    String printed = ReadmeSnippet.named("engine").run();
    assertThat(printed.lines()).containsExactly("24.7041", "138.8338", "645.5773");
  }

  @Test
  void compiled_example_replays_with_new_inputs_and_accumulates_gradients() throws Exception {
    String printed = ReadmeSnippet.named("compiled").run();
    assertThat(printed.lines()).containsExactly("2.0", "0.0", "1.5");
  }

  @Test
  void training_example_builds_a_config_and_learns_the_moons_with_an_unregistered_activation() throws Exception {
    List<String> printed = ReadmeSnippet.named("training-in-java").run().lines().toList();

    assertThat(printed).hasSize(2);
    assertThat(printed.get(0))
        .isEqualTo("2 -> 16 my_softsign he_normal -> 16 my_softsign he_normal -> 2 identity he_normal");
    assertThat(printed.get(1)).startsWith("training accuracy ");
    assertThat(Double.parseDouble(printed.get(1).substring("training accuracy ".length()))).isGreaterThan(0.95);
  }
}
