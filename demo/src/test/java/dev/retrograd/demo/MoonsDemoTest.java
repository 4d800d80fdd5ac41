package dev.retrograd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MoonsDemoTest {

  @Test
  void micrograd_demo_reaches_full_accuracy_in_100_steps() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    MoonsDemo demo = new MoonsDemo(3);

    MoonsDemo.Step last = demo.train(100, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(demo.model().parameters()).hasSize(337);
    assertThat(demo.accuracy()).isEqualTo(1.0);
    assertThat(last.loss()).isLessThan(0.05);
    assertThat(last.learningRate()).isEqualTo(1.0 - 0.9 * 99 / 100);
    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .hasSize(102)
        .last().isEqualTo("after training: accuracy 100.0% on the 100 points");
  }

  @Test
  void loss_falls_from_the_first_step_to_the_last() {
    MoonsDemo demo = new MoonsDemo(3);
    double first = demo.step(0, 100).loss();
    double later = first;
    for (int k = 1; k < 30; k++) {
      later = demo.step(k, 100).loss();
    }
    assertThat(later).isLessThan(first / 3);
  }
}
