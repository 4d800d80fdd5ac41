package dev.retrograd.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.Hyperparameter.Type;
import org.junit.jupiter.api.Test;

class HyperparameterTest {

  private static Hyperparameter declared(Type type, Object defaultValue) {
    return new Hyperparameter("lr", type, defaultValue, "learning rate", 0, true, Double.POSITIVE_INFINITY, false);
  }

  @Test
  void a_default_of_another_type_fails_at_construction_naming_both_types() {
    assertThatThrownBy(() -> declared(Type.REAL, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Hyperparameter 'lr' has type real, but its default 1 is of type Integer, not Double; declare it"
            + " with Hyperparameter.real(name, default, meaning).");
    assertThatThrownBy(() -> declared(Type.REAL, "0.1"))
        .hasMessage("Hyperparameter 'lr' has type real, but its default '0.1' is of type String, not Double; declare it"
            + " with Hyperparameter.real(name, default, meaning).");
    assertThatThrownBy(() -> declared(Type.INTEGER, 2.0))
        .hasMessage("Hyperparameter 'lr' has type integer, but its default 2.0 is of type Double, not Integer;"
            + " declare it with Hyperparameter.integer(name, default, meaning).");
    assertThatThrownBy(() -> declared(Type.FLAG, 0))
        .hasMessage("Hyperparameter 'lr' has type flag, but its default 0 is of type Integer, not Boolean; declare it"
            + " with Hyperparameter.flag(name, default, meaning).");
  }

  @Test
  void a_default_of_the_declared_type_is_kept() {
    assertThat(declared(Type.REAL, 0.5).defaultValue()).isEqualTo(0.5);
    assertThat(declared(Type.INTEGER, 3).defaultValue()).isEqualTo(3);
    assertThat(declared(Type.FLAG, true).defaultValue()).isEqualTo(true);
  }

  @Test
  void a_hyperparameter_without_a_default_is_required_and_says_so() {
    Hyperparameter stepSize = Hyperparameter.required("step_size", Type.INTEGER, "epochs between decays").atLeast(1);

    assertThat(stepSize.isRequired()).isTrue();
    assertThat(Hyperparameter.integer("warmup", 0, "epochs").isRequired()).isFalse();
    assertThat(stepSize.describe()).isEqualTo("step_size (integer, >= 1, required): epochs between decays");
    assertThat(stepSize.summary()).isEqualTo("step_size (required, >= 1)");
    assertThat(Hyperparameter.required("gamma", Type.REAL, "decay").summary()).isEqualTo("gamma (required)");
    assertThat(Hyperparameter.real("beta", 0.9, "decay").atLeast(0).below(1).summary())
        .isEqualTo("beta=0.9 (in [0, 1))");
  }
}
