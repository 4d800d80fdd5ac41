package dev.retrograd.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"adam", "weight_decay", "gelu_tanh", "relu6", "beta1", "initial_accumulator_value"})
  void lower_snake_case_names_are_valid(String name) {
    assertThat(Plugin.isValidName(name)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ReLU", "Adam", "_lr", "lr_", "weight__decay", "1cycle", "lr-decay", "weight decay", "é"})
  void other_names_are_not(String name) {
    assertThat(Plugin.isValidName(name)).isFalse();
  }
}
