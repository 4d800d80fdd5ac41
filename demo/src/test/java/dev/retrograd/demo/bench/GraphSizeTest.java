package dev.retrograd.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrograd.autograd.Value;
import org.junit.jupiter.api.Test;

class GraphSizeTest {

  @Test
  void a_value_used_twice_is_counted_once() {
    Value a = Value.of(2);
    Value b = Value.of(3);
    Value c = a.mul(b).add(a);  // nodes: a, b, a·b, a·b + a

    assertThat(GraphSize.count(c)).isEqualTo(4);
  }

  @Test
  void a_chain_of_a_million_ops_is_counted_without_overflowing_the_stack() {
    Value v = Value.of(0);
    for (int i = 0; i < 1_000_000; i++) {
      v = v.add(1);
    }

    assertThat(GraphSize.count(v)).isEqualTo(1_000_001);
  }
}
