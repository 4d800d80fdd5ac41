package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueParametersTest {

  @Test
  void view_reads_data_and_grad_and_writes_data() {
    Value a = Value.of(2.0);
    Value b = Value.of(-1.0);
    a.mul(b).backward();
    ValueParameters parameters = ValueParameters.of(List.of(a, b));

    assertThat(parameters.size()).isEqualTo(2);
    assertThat(parameters.value(0)).isEqualTo(2.0);
    assertThat(parameters.gradient(0)).isEqualTo(-1.0);
    assertThat(parameters.gradient(1)).isEqualTo(2.0);
    parameters.set(1, 5.0);
    assertThat(b.data()).isEqualTo(5.0);
  }

  @Test
  void only_leaves_can_be_parameters() {
    Value a = Value.of(1.0);
    assertThatThrownBy(() -> ValueParameters.of(List.of(a, a.exp())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter 1 is the output of 'exp', not a leaf; an optimizer can only update leaves made by Value.of");
  }
}
