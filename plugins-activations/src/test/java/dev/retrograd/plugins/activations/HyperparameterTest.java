package dev.retrograd.plugins.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.PluginException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hyperparameter names, defaults and ranges as torch's, and the messages for what it rejects. */
class HyperparameterTest {

  @Test
  void names_defaults_and_ranges_are_torchs() {
    Map<String, String> declared = new TreeMap<>();
    for (ActivationPlugin plugin : Catalogue.plugins()) {
      for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
        String range = hyperparameter.range();
        declared.put(plugin.name() + "." + hyperparameter.name(),
            hyperparameter.defaultValue() + (range.isEmpty() ? "" : " " + range));
      }
    }
    assertThat(declared).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "elu.alpha", "1.0",
        "hardtanh.max_val", "1.0",
        "hardtanh.min_val", "-1.0",
        "leaky_relu.negative_slope", "0.01",
        "softplus.beta", "1.0 > 0",
        "softplus.threshold", "20.0")));
  }

  @Test
  void softplus_rejects_a_beta_that_is_not_positive() {
    ActivationPlugin softplus = Catalogue.plugin("softplus");
    assertThatThrownBy(() -> Hyperparameters.parse("beta=0").resolve(softplus))
        .isInstanceOf(PluginException.class)
        .hasMessage("Activation 'softplus' needs beta > 0, was 0; it accepts "
            + "[beta=1.0 (> 0), threshold=20.0].");
    assertThatThrownBy(() -> Hyperparameters.parse("beta=-1").resolve(softplus))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("Activation 'softplus' needs beta > 0, was -1;");
  }

  @Test
  void hardtanh_rejects_a_min_val_not_below_max_val() {
    assertThatThrownBy(() -> Catalogue.activation("hardtanh", "min_val=1,max_val=-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hardtanh: needs min_val < max_val, got min_val=1.0, max_val=-1.0");
    assertThatThrownBy(() -> Catalogue.activation("hardtanh", "min_val=0.5,max_val=0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hardtanh: needs min_val < max_val, got min_val=0.5, max_val=0.5");
    assertThatThrownBy(() -> Catalogue.activation("hardtanh", "min_val=2"))
        .hasMessage("hardtanh: needs min_val < max_val, got min_val=2.0, max_val=1.0");
  }

  @Test
  void negative_slope_alpha_and_threshold_take_any_real_as_torch_does() {
    assertThat(Catalogue.activation("leaky_relu", "negative_slope=-2").apply(-1)).isEqualTo(2.0);
    assertThat(Catalogue.activation("elu", "alpha=-2").apply(-1000)).isEqualTo(2.0);
    assertThat(Catalogue.activation("elu", "alpha=0").apply(-3)).isEqualTo(-0.0);
    assertThat(Catalogue.activation("softplus", "threshold=-100").apply(-50)).isEqualTo(-50.0);
  }

  @Test
  void a_plugin_without_hyperparameters_rejects_any_by_name() {
    assertThatThrownBy(() -> Catalogue.activation("relu", "alpha=1"))
        .isInstanceOf(PluginException.class)
        .hasMessage("Activation 'relu' has no hyperparameter 'alpha'; it accepts no hyperparameters.");
  }

  @Test
  void configured_activations_name_their_settings() {
    assertThat(Catalogue.activation("leaky_relu", "negative_slope=0.2"))
        .hasToString("leaky_relu(negative_slope=0.2)");
    assertThat(Catalogue.activation("elu")).hasToString("elu(alpha=1.0, scale=1.0)");
    assertThat(Catalogue.activation("softplus", "beta=2")).hasToString("softplus(beta=2.0, threshold=20.0)");
    assertThat(Catalogue.activation("hardtanh")).hasToString("hardtanh(min_val=-1.0, max_val=1.0)");
    assertThat(Catalogue.activation("relu6")).hasToString("relu6(min_val=0.0, max_val=6.0)");
    assertThat(Catalogue.activation("gelu")).hasToString("gelu");
  }
}
