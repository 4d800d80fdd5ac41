package dev.retrograd.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginChoiceTest {

  /** A catalog of one method that records what it is asked for. */
  private final List<String> asked = new ArrayList<>();

  private Activation catalog(String name, Hyperparameters hyperparameters) {
    asked.add(name + "(" + hyperparameters + ")");
    return new TestPlugins.Identity();
  }

  @Test
  void a_named_choice_asks_the_catalog_with_its_name_and_hyperparameters() {
    PluginChoice<Activation> choice = PluginChoice.named("leaky_relu", Hyperparameters.parse("negative_slope=0.1"));

    assertThat(choice.resolve(this::catalog)).isInstanceOf(TestPlugins.Identity.class);
    assertThat(asked).containsExactly("leaky_relu(negative_slope=0.1)");
    assertThat(choice).hasToString("leaky_relu(negative_slope=0.1)");
    assertThat(PluginChoice.named("relu")).hasToString("relu");
  }

  @Test
  void a_given_instance_is_returned_as_it_is_without_asking_the_catalog() {
    Activation instance = new TestPlugins.Identity();
    PluginChoice<Activation> choice = PluginChoice.given("my_identity", instance);

    assertThat(choice.resolve(this::catalog)).isSameAs(instance);
    assertThat(asked).isEmpty();
    assertThat(choice.name()).isEqualTo("my_identity");
    assertThat(choice.hyperparameters()).isEqualTo(Hyperparameters.empty());
    assertThat(choice).hasToString("my_identity");
  }

  @Test
  void named_choices_of_the_same_text_are_equal() {
    PluginChoice<Loss> fromNumbers = PluginChoice.named("huber", Hyperparameters.of(Map.of("delta", 0.5)));
    PluginChoice<Loss> fromText = PluginChoice.named("huber", Hyperparameters.parse("delta=0.5"));

    assertThat(fromNumbers).isEqualTo(fromText).hasSameHashCodeAs(fromText);
    assertThat(fromNumbers).isNotEqualTo(PluginChoice.named("huber", Hyperparameters.parse("delta=0.25")));
    assertThat(PluginChoice.named("mse", null)).isEqualTo(PluginChoice.named("mse"));
  }

  @Test
  void given_choices_are_equal_only_for_the_same_instance() {
    Activation instance = new TestPlugins.Identity();

    assertThat(PluginChoice.given("mine", instance)).isEqualTo(PluginChoice.given("mine", instance));
    assertThat(PluginChoice.given("mine", instance))
        .isNotEqualTo(PluginChoice.given("mine", new TestPlugins.Identity()));
    assertThat(PluginChoice.given("mine", instance)).isNotEqualTo(PluginChoice.named("mine"));
  }

  @Test
  void names_are_checked_with_a_suggestion() {
    assertThatThrownBy(() -> PluginChoice.given("My SGD", new TestPlugins.PlainSgd()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A plugin instance (dev.retrograd.api.TestPlugins$PlainSgd) needs a lower_snake_case name for"
            + " messages and checkpoints, such as plain_sgd, was 'My SGD'");
    assertThatThrownBy(() -> PluginChoice.given(null, new Object() {}))
        .hasMessageEndingWith(" needs a lower_snake_case name for messages and checkpoints, such as my_plugin,"
            + " was null");
    assertThatThrownBy(() -> PluginChoice.given("mine", null)).hasMessage("instance");
    assertThatThrownBy(() -> PluginChoice.named(" "))
        .hasMessage("A plugin choice needs the name of a registered plugin, such as relu, was ' '");
  }
}
