package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Value's public surface is what users call, as DESIGN.md lists it; nn's uncopied neuron node is not on it. */
class PublicSurfaceTest {

  @Test
  void value_offers_exactly_the_documented_public_methods() {
    String[] names = Arrays.stream(Value.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .distinct()
        .sorted()
        .toArray(String[]::new);

    assertThat(names).containsExactly("abs", "add", "anomalyDetection", "apply", "backward", "compile", "data", "div", "dot",
        "exp", "fused", "grad", "inputs", "isLeaf", "log", "loss", "meanLoss", "mul", "neg", "noGrad", "of", "op", "pow",
        "relu", "setAnomalyDetection", "setData", "sigmoid", "sqrt", "sub", "sum", "tanh", "toString", "zeroGrad");
  }

  @Test
  void no_user_can_make_a_value_except_through_its_ops() {
    assertThat(Value.class.isSealed()).isTrue();
    assertThat(Value.class.getConstructors()).isEmpty();
  }
}
