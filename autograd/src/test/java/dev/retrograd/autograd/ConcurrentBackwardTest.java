package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrograd.api.Activation;
import java.util.ConcurrentModificationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two backward passes at the same time that would write the same gradients: the second throws
 * before writing, the first completes as if alone. The overlap is made certain by an activation
 * whose derivative holds the first pass inside backward() until the second has run.
 */
class ConcurrentBackwardTest {

  private static final long WAIT_SECONDS = 30;

  /** f(x) = x, whose derivative signals that a pass is inside backward() and waits to be let go. */
  private static final class Gate implements Activation {

    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public double apply(double x) {
      return x;
    }

    @Override
    public double derivative(double x, double y) {
      inside.countDown();
      try {
        if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never let the held pass go on");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return 1;
    }
  }

  /** Runs {@code task} on a new thread of that name; the future holds what it threw, or null. */
  private static CompletableFuture<Throwable> onThread(String name, Runnable task) {
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    new Thread(() -> {
      try {
        task.run();
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    }, name).start();
    return outcome;
  }

  private static <T> T onThread(String name, Supplier<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    new Thread(() -> result.complete(task.get()), name).start();
    return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static String conflict(String second, String reached, String first) {
    return "backward() on thread '" + second + "' reached " + reached + " that a backward pass running on thread '"
        + first + "' is using. Two backward passes at the same time must not share a leaf, nor ops one thread"
        + " made since its last backward(); give each thread its own graph and parameters, or run the passes"
        + " one after another. This pass stopped part way: zero the gradients before using them.";
  }

  @Test
  void a_second_backward_of_the_same_graph_while_the_first_runs_throws_and_the_first_completes() throws Exception {
    Gate gate = new Gate();
    Value w = Value.of(3.0);
    Value c = Value.of(2.0);
    // created in this order, so the pass reaches w (at the mul) before it waits in the gate
    Value held = c.apply(gate);
    Value loss = held.add(w.mul(w));

    CompletableFuture<Throwable> first = onThread("first", loss::backward);
    assertThat(gate.inside.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Throwable second = onThread("second", loss::backward).get(WAIT_SECONDS, TimeUnit.SECONDS);
    gate.release.countDown();

    assertThat(second)
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage(conflict("second", "an op ('+', data 11.0)", "first"));
    assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNull();
    assertThat(w.grad()).isEqualTo(6.0);
    assertThat(c.grad()).isEqualTo(1.0);
  }

  @Test
  void a_pass_that_reaches_a_leaf_held_by_a_running_pass_throws_before_writing_its_gradient() throws Exception {
    Gate gate = new Gate();
    Value w = Value.of(3.0);

    CompletableFuture<Throwable> first = onThread("first", () -> {
      Value held = Value.of(2.0).apply(gate);
      held.add(w.mul(w)).backward();
    });
    assertThat(gate.inside.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Throwable second = onThread("second", () -> w.mul(5).backward()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    gate.release.countDown();

    assertThat(second)
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage(conflict("second", "a leaf (data 3.0)", "first"));
    assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNull();
    assertThat(w.grad()).isEqualTo(6.0);

    Throwable afterwards = onThread("third", () -> w.mul(5).backward()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(afterwards).isNull();
    assertThat(w.grad()).isEqualTo(11.0);
  }

  @Test
  void two_passes_through_ops_one_thread_made_since_its_last_backward_are_refused_as_one_group() throws Exception {
    Gate gate = new Gate();
    Value w = Value.of(3.0);
    Value shared = w.mul(w);
    Value firstLoss = shared.apply(gate);
    Value secondLoss = shared.mul(2);

    CompletableFuture<Throwable> first = onThread("first", firstLoss::backward);
    assertThat(gate.inside.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Throwable second = onThread("second", secondLoss::backward).get(WAIT_SECONDS, TimeUnit.SECONDS);
    gate.release.countDown();

    assertThat(second)
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage(conflict("second", "an op ('*', data 18.0)", "first"));
    assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNull();
    assertThat(w.grad()).isEqualTo(6.0);
    assertThat(shared.grad()).isEqualTo(1.0);
  }

  @Test
  void a_pass_that_threw_holds_nothing_afterwards() throws Exception {
    Gate gate = new Gate();
    Value w = Value.of(3.0);
    Value loss = Value.of(2.0).apply(gate).add(w.mul(w));
    CompletableFuture<Throwable> first = onThread("first", loss::backward);
    assertThat(gate.inside.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Value other = onThread("builder", () -> w.mul(w).mul(4));
    assertThat(onThread("second", other::backward).get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ConcurrentModificationException.class);
    gate.release.countDown();
    assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNull();
    w.zeroGrad();

    other.backward();

    assertThat(w.grad()).isEqualTo(24.0);
  }

  @Test
  void distinct_graphs_on_distinct_threads_backpropagate_at_the_same_time_as_if_alone() throws Exception {
    int threads = 4;
    int rounds = 2_000;
    CyclicBarrier start = new CyclicBarrier(threads);
    @SuppressWarnings("unchecked")
    CompletableFuture<Throwable>[] outcomes = new CompletableFuture[threads];
    double[][] gradients = new double[threads][2];
    for (int t = 0; t < threads; t++) {
      int index = t;
      outcomes[t] = onThread("worker-" + t, () -> {
        Value x = Value.of(0.1 * (index + 1));
        Value y = Value.of(-0.7);
        await(start);
        for (int round = 0; round < rounds; round++) {
          Value h = x.mul(y).tanh();
          Value loss = Value.sum(h, h.mul(x), y.exp().div(h.add(2))).pow(2);
          loss.backward();
          if (round % 2 == 1) {   // every other round by sorting, on a graph the tape no longer holds
            loss.backward();
          }
        }
        gradients[index][0] = x.grad();
        gradients[index][1] = y.grad();
      });
    }
    for (int t = 0; t < threads; t++) {
      assertThat(outcomes[t].get(WAIT_SECONDS, TimeUnit.SECONDS)).isNull();
    }

    for (int t = 0; t < threads; t++) {
      Value x = Value.of(0.1 * (t + 1));
      Value y = Value.of(-0.7);
      Value h = x.mul(y).tanh();
      Value.sum(h, h.mul(x), y.exp().div(h.add(2))).pow(2).backward();
      double passes = rounds * 1.5;
      assertThat(gradients[t][0]).isCloseTo(passes * x.grad(), within(1e-9 * Math.abs(passes * x.grad())));
      assertThat(gradients[t][1]).isCloseTo(passes * y.grad(), within(1e-9 * Math.abs(passes * y.grad())));
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
