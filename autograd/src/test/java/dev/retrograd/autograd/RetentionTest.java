package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thread's record of ops keeps no dropped graph alive: after forward passes without a backward,
 * with or without {@code noGrad}, the garbage collector can take every node once the caller lets go.
 */
class RetentionTest {

  private static final int INPUTS = 8;
  private static final int HIDDEN = 16;

  /** A small network's weights, as leaves that stay alive like a model's parameters. */
  private final Value[][] weights = new Value[HIDDEN][INPUTS];
  private final Value[] output = new Value[HIDDEN];

  RetentionTest() {
    for (int h = 0; h < HIDDEN; h++) {
      for (int i = 0; i < INPUTS; i++) {
        weights[h][i] = Value.of(Math.sin(h * INPUTS + i));
      }
      output[h] = Value.of(Math.cos(h));
    }
  }

  /** The nodes a test watches: the forward pass's output and one node in the middle of its graph. */
  private record Watched(WeakReference<Value> output, WeakReference<Value> intermediate, double value) {}

  /** Runs one forward pass of the network (about 50 ops) on input {@code seed} and watches its nodes. */
  private Watched forward(int seed) {
    Value[] x = new Value[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      x[i] = Value.of(Math.cos(seed + i));
    }
    Value[] hidden = new Value[HIDDEN];
    for (int h = 0; h < HIDDEN; h++) {
      hidden[h] = Value.dot(weights[h], x).tanh();
    }
    Value out = Value.dot(output, hidden).sigmoid();
    return new Watched(new WeakReference<>(out), new WeakReference<>(hidden[HIDDEN / 2]), out.data());
  }

  /** Runs {@code passes} forward passes, keeping only the first one's watch; returns it. */
  private Watched loop(int passes) {
    Watched first = forward(0);
    double sum = first.value();
    for (int p = 1; p < passes; p++) {
      sum += forward(p).value();
    }
    assertThat(sum).isFinite();
    return first;
  }

  /** Runs the collector until every reference is cleared, at most 50 times; returns whether they all were. */
  private static boolean collected(List<WeakReference<Value>> references) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      if (references.stream().allMatch(r -> r.get() == null)) {
        return true;
      }
      System.gc();
      Thread.sleep(20);
    }
    return references.stream().allMatch(r -> r.get() == null);
  }

  @Test
  void forward_passes_without_backward_leave_nothing_reachable_once_dropped() throws Exception {
    Watched first = loop(5_000);

    assertThat(collected(List.of(first.output(), first.intermediate()))).isTrue();
  }

  @Test
  void forward_passes_under_no_grad_leave_nothing_reachable_once_dropped() throws Exception {
    Watched first;
    try (NoGrad scope = Value.noGrad()) {
      first = loop(5_000);
    }

    assertThat(collected(List.of(first.output(), first.intermediate()))).isTrue();
  }

  @Test
  void an_early_graph_is_collected_while_a_later_one_is_still_held() throws Exception {
    Watched early = forward(0);
    List<Value> held = new ArrayList<>();
    for (int p = 1; p < 2 * Tape.CHUNK_SIZE; p++) {
      Value out = Value.of(p).mul(2).add(1);
      if (p == 2 * Tape.CHUNK_SIZE - 1) {
        held.add(out);
      }
    }

    assertThat(collected(List.of(early.output(), early.intermediate()))).isTrue();
    assertThat(held.get(0).data()).isEqualTo(2.0 * (2 * Tape.CHUNK_SIZE - 1) + 1);
  }

  @Test
  void a_graph_whose_chunks_were_partly_collected_still_backpropagates() throws Exception {
    Value x = Value.of(0.5);
    Value early = x.mul(x).tanh();
    Value late = null;
    for (int p = 0; p < 3 * Tape.CHUNK_SIZE; p++) {
      late = Value.of(p).mul(2);   // the chunks in between hold only garbage
    }
    System.gc();
    Value loss = early.mul(late);
    loss.backward();

    double t = Math.tanh(0.25);
    assertThat(x.grad()).isEqualTo(late.data() * (1 - t * t) * 2 * 0.5);
  }
}
