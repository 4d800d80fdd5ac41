package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A compiled graph replayed with new leaf values computes, bit for bit, what a graph built afresh
 * from those values computes with {@link Value#backward()}: the output, and every leaf's gradient,
 * accumulated across passes.
 */
class CompiledGraphTest {

  private static final int LEAVES = 4;

  /** Every op kind of Value but {@code fused} (whose numbers are frozen by design), and micrograd's chains. */
  enum Op {
    ADD, ADD_CONSTANT, SUB, SUB_CONSTANT, MUL, MUL_CONSTANT, DIV, DIV_CONSTANT, POW, POW_CONSTANT, NEG, EXP, LOG,
    SQRT, TANH, SIGMOID, RELU, ABS, APPLY, SUM, DOT, DOT_WITH_BIAS, NEURON, LOSS, MEAN_LOSS, CHAIN, PRODUCT_CHAIN
  }

  record Instruction(Op op, List<Integer> picks, double constant) {

    Value apply(List<Value> pool) {
      Value a = pool.get(picks.get(0) % pool.size());
      Value b = pool.get(picks.get(1) % pool.size());
      Value c = pool.get(picks.get(2) % pool.size());
      return switch (op) {
        case ADD -> a.add(b);
        case ADD_CONSTANT -> a.add(constant);
        case SUB -> a.sub(b);
        case SUB_CONSTANT -> a.sub(constant);
        case MUL -> a.mul(b);
        case MUL_CONSTANT -> a.mul(constant);
        case DIV -> a.div(b);
        case DIV_CONSTANT -> a.div(constant);
        case POW -> a.pow(b);
        case POW_CONSTANT -> a.pow(Math.rint(constant));
        case NEG -> a.neg();
        case EXP -> a.exp();
        case LOG -> a.log();
        case SQRT -> a.sqrt();
        case TANH -> a.tanh();
        case SIGMOID -> a.sigmoid();
        case RELU -> a.relu();
        case ABS -> a.abs();
        case APPLY -> a.apply(TestFunctions.SOFTPLUS);
        case SUM -> Value.sum(a, b, c, a);
        case DOT -> Value.dot(new Value[] {a, b}, new Value[] {c, a});
        case DOT_WITH_BIAS -> Value.dot(new Value[] {a, b}, new Value[] {b, c}, a);
        case NEURON -> Value.dot(new Value[] {a, b, c}, new Value[] {c, b, a}, b).relu();
        case LOSS -> Value.loss(TestFunctions.SQUARED_ERROR, new Value[] {a, b}, new double[] {constant, -0.5});
        case MEAN_LOSS -> Value.meanLoss(TestFunctions.SQUARED_ERROR, new Value[][] {{a}, {c}}, new double[][] {{0.3}, {constant}});
        case CHAIN -> a.add(b.mul(c)).add(c.mul(a)).add(b.mul(b));          // b + w₀x₀ + … as micrograd
        case PRODUCT_CHAIN -> a.mul(b).add(c.mul(a)).add(c).add(b.mul(c));
      };
    }
  }

  @Provide
  Arbitrary<List<Instruction>> programs() {
    Arbitrary<Instruction> instruction = Combinators.combine(
        Arbitraries.of(Op.class),
        Arbitraries.integers().between(0, 1_000).list().ofSize(3),
        Arbitraries.doubles().between(-3, 3).ofScale(2))
        .as(Instruction::new);
    return instruction.list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<double[]> points() {
    return Arbitraries.doubles().between(-2, 2).ofScale(3).array(double[].class).ofSize(LEAVES);
  }

  private static Value build(List<Instruction> program, Value[] leaves) {
    List<Value> pool = new ArrayList<>(List.of(leaves));
    for (Instruction instruction : program) {
      pool.add(instruction.apply(pool));
    }
    int size = pool.size();
    return Value.sum(pool.get(size - 1), pool.get(Math.max(0, size - 2)), pool.get(Math.max(0, size - 3)));
  }

  /** Returns the bits of x, every NaN as one: bit-for-bit equality that NaN does not break. */
  private static long bits(double x) {
    return Double.doubleToLongBits(x);
  }

  private static Value[] leaves(double[] point) {
    Value[] leaves = new Value[point.length];
    for (int i = 0; i < point.length; i++) {
      leaves[i] = Value.of(point[i]);
    }
    return leaves;
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void a_replay_with_new_leaf_values_equals_a_fresh_build_bit_for_bit(
      @ForAll("programs") List<Instruction> program, @ForAll("points") double[] compiledAt,
      @ForAll("points") double[] replayedAt) {
    Value[] replayed = leaves(compiledAt);
    CompiledGraph graph = Value.compile(build(program, replayed));
    for (int i = 0; i < LEAVES; i++) {
      replayed[i].setData(replayedAt[i]);
    }
    double first = graph.forward();
    graph.backward();
    double second = graph.forward();
    graph.backward();

    Value[] fresh = leaves(replayedAt);
    Value eager = build(program, fresh);
    eager.backward();
    build(program, fresh).backward();

    assertThat(bits(first)).isEqualTo(bits(eager.data()));
    assertThat(bits(second)).isEqualTo(bits(eager.data()));
    for (int i = 0; i < LEAVES; i++) {
      assertThat(bits(replayed[i].grad())).as("gradient of leaf %d", i).isEqualTo(bits(fresh[i].grad()));
    }
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void a_graph_compiled_after_its_backward_replays_what_backward_by_sorting_computes(
      @ForAll("programs") List<Instruction> program, @ForAll("points") double[] point) {
    Value[] compiled = leaves(point);
    Value output = build(program, compiled);
    output.backward();                              // ends the tape's period: compile sorts the graph
    CompiledGraph graph = Value.compile(output);
    graph.forward();
    graph.backward();

    Value[] eager = leaves(point);
    Value again = build(program, eager);
    again.backward();
    again.backward();                               // by sorting, as the second backward() of a graph

    for (int i = 0; i < LEAVES; i++) {
      assertThat(bits(compiled[i].grad())).as("gradient of leaf %d", i).isEqualTo(bits(eager[i].grad()));
    }
  }

  @Test
  void relu_decides_its_branch_again_on_every_replay() {
    Value x = Value.of(1);
    Value w = Value.of(2);
    CompiledGraph graph = Value.compile(x.mul(w).relu().mul(3));

    x.setData(-1);
    assertThat(graph.forward()).isEqualTo(0.0);
    graph.backward();
    assertThat(w.grad()).isEqualTo(0.0);

    x.setData(0.5);
    assertThat(graph.forward()).isEqualTo(3.0);
    graph.backward();
    assertThat(w.grad()).isEqualTo(1.5);              // 3·x, accumulated onto the 0 before
    assertThat(x.grad()).isEqualTo(6.0);
  }

  @Test
  void micrograd_neurons_are_fused_into_one_op_each() {
    Value[] w = leaves(new double[] {0.5, -1, 2});
    Value[] x = leaves(new double[] {1, 2, 3});
    Value b = Value.of(0.25);
    Value act = b;
    for (int i = 0; i < 3; i++) {
      act = act.add(w[i].mul(x[i]));
    }
    CompiledGraph graph = Value.compile(act.relu());

    assertThat(graph.opCount()).isEqualTo(2);         // one weighted sum and the relu, instead of 7 ops
    assertThat(graph.forward()).isEqualTo(0.25 + 0.5 - 2 + 6);
    graph.backward();
    assertThat(w[2].grad()).isEqualTo(3.0);
    assertThat(x[1].grad()).isEqualTo(-1.0);
    assertThat(b.grad()).isEqualTo(1.0);
  }

  /** Two layers of ReLU neurons over shared inputs, then a loss: the shape of a network's step. */
  private static Value layers(Value[] x, Value[][] w1, Value[][] w2, SplittableRandom random) {
    Value[] hidden = new Value[w1.length];
    for (int j = 0; j < hidden.length; j++) {
      hidden[j] = Value.dot(w1[j], x, null).relu();
    }
    Value[] h = new Value[w2.length];
    for (int j = 0; j < h.length; j++) {
      h[j] = dev.retrograd.autograd.internal.Nodes.neuron(w2[j], hidden, null, TestFunctions.SOFTPLUS);
    }
    return Value.loss(TestFunctions.SQUARED_ERROR, h, new double[] {0.5, -0.25, 1});
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void a_layer_of_neurons_replays_as_one_op_bit_for_bit(@ForAll("points") double[] compiledAt,
      @ForAll("points") double[] replayedAt) {
    SplittableRandom random = new SplittableRandom(3);
    Value[][] w1 = new Value[5][LEAVES];
    Value[][] w2 = new Value[3][5];
    for (Value[][] w : List.of(w1, w2)) {
      for (Value[] row : w) {
        for (int i = 0; i < row.length; i++) {
          row[i] = Value.of(random.nextDouble(-1, 1));
        }
      }
    }
    Value[] x = leaves(compiledAt);
    CompiledGraph graph = Value.compile(layers(x, w1, w2, random));
    for (int i = 0; i < LEAVES; i++) {
      x[i].setData(replayedAt[i]);
    }
    double replayed = graph.forward();
    graph.backward();
    double[] compiledGradients = List.of(w1, w2).stream().flatMap(java.util.Arrays::stream)
        .flatMap(java.util.Arrays::stream).mapToDouble(Value::grad).toArray();
    double[] inputGradients = java.util.Arrays.stream(x).mapToDouble(Value::grad).toArray();
    for (Value[][] w : List.of(w1, w2)) {
      for (Value[] row : w) {
        for (Value weight : row) {
          weight.zeroGrad();
        }
      }
    }
    Value[] fresh = leaves(replayedAt);
    Value eager = layers(fresh, w1, w2, random);
    eager.backward();

    assertThat(graph.opCount()).as("a layer's dots merged; the relus stay ops").isLessThan(5 + 5 + 3 + 1);
    assertThat(bits(replayed)).isEqualTo(bits(eager.data()));
    double[] eagerGradients = List.of(w1, w2).stream().flatMap(java.util.Arrays::stream)
        .flatMap(java.util.Arrays::stream).mapToDouble(Value::grad).toArray();
    for (int i = 0; i < eagerGradients.length; i++) {
      assertThat(bits(compiledGradients[i])).as("weight %d", i).isEqualTo(bits(eagerGradients[i]));
    }
    for (int i = 0; i < LEAVES; i++) {
      assertThat(bits(inputGradients[i])).as("input %d", i).isEqualTo(bits(fresh[i].grad()));
    }
  }

  @Test
  void a_loss_node_reads_the_target_written_into_it() {
    Value p = Value.of(1);
    Value loss = Value.loss(TestFunctions.SQUARED_ERROR, new Value[] {p}, new double[] {0});
    CompiledGraph graph = Value.compile(loss);

    graph.target(loss)[0] = 3;
    assertThat(graph.forward()).isEqualTo(4.0);
    graph.backward();
    assertThat(p.grad()).isEqualTo(-4.0);
  }

  @Test
  void a_fused_node_keeps_the_numbers_it_was_given() {
    Value a = Value.of(2);
    Value fused = Value.fused("double", 4, new Value[] {a}, new double[] {2});
    CompiledGraph graph = Value.compile(fused.mul(a));

    a.setData(3);
    assertThat(graph.forward()).isEqualTo(12.0);      // 4 (frozen) · 3
    graph.backward();
    assertThat(a.grad()).isEqualTo(4 + 3 * 2.0);
  }

  @Test
  void inputs_without_gradient_keep_theirs_and_the_rest_are_unchanged() {
    Value[] w = leaves(new double[] {0.5, -1});
    Value[] x = leaves(new double[] {1, 2});
    Value out = Value.dot(w, x, null).tanh();
    CompiledGraph graph = Value.compile(out, List.of(x));
    graph.forward();
    graph.backward();

    Value[] w2 = leaves(new double[] {0.5, -1});
    Value.dot(w2, leaves(new double[] {1, 2}), null).tanh().backward();
    assertThat(x[0].grad()).isEqualTo(0.0);
    assertThat(w[0].grad()).isEqualTo(w2[0].grad());
    assertThat(w[1].grad()).isEqualTo(w2[1].grad());
  }

  @Test
  void the_buffer_backward_computes_what_backward_adds_without_writing_leaves() {
    Value a = Value.of(3);
    CompiledGraph graph = Value.compile(a.mul(a).add(a));
    graph.forward();
    graph.backwardToBuffer();

    assertThat(a.grad()).isEqualTo(0.0);
    assertThat(graph.gradientAt(graph.indexOf(a))).isEqualTo(7.0);
  }

  @Test
  void a_value_made_under_no_grad_cannot_be_compiled() {
    Value made;
    try (NoGrad scope = Value.noGrad()) {
      made = Value.of(1).add(2);
    }
    Value constant = made;

    assertThatThrownBy(() -> Value.compile(constant)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("noGrad");
  }

  @Test
  void a_replayed_step_allocates_at_most_a_kilobyte() {
    SplittableRandom random = new SplittableRandom(7);
    Value[] parameters = new Value[40];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = Value.of(random.nextDouble(-1, 1));
    }
    Value total = Value.of(0);
    for (int row = 0; row < 20; row++) {
      Value x = Value.of(random.nextDouble());
      Value act = parameters[0];
      for (int i = 1; i < 20; i++) {
        act = act.add(parameters[i].mul(x));
      }
      Value neuron = Value.dot(new Value[] {parameters[20], parameters[21]}, new Value[] {act.relu(), x}, null);
      total = total.add(Value.loss(TestFunctions.SQUARED_ERROR, new Value[] {neuron.apply(TestFunctions.SOFTPLUS)}, new double[] {0.5}));
    }
    CompiledGraph graph = Value.compile(total);
    for (int warmUp = 0; warmUp < 2_000; warmUp++) {
      graph.forward();
      graph.backward();
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int steps = 1_000;

    long before = threads.getThreadAllocatedBytes(thread);
    for (int step = 0; step < steps; step++) {
      graph.forward();
      graph.backward();
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(allocated / steps).as("bytes per replayed step").isLessThanOrEqualTo(1024);
  }

  @Test
  void numbers_given_for_some_leaves_replace_their_data_for_that_replay_only() {
    Value w0 = Value.of(0.5);
    Value w1 = Value.of(-1.25);
    Value w2 = Value.of(2.0);
    Value x = Value.of(3.0);
    Value out = Value.dot(new Value[] {w0, w1, w2}, new Value[] {x, x.mul(x), x.tanh()}).tanh();
    CompiledGraph graph = Value.compile(out);
    int[] slots = {graph.indexOf(w0), -1, graph.indexOf(w2)};   // w1 keeps its data

    double given = graph.forward(slots, new double[] {0.1, 99, -0.3});

    Value fresh = Value.dot(new Value[] {Value.of(0.1), Value.of(-1.25), Value.of(-0.3)},
        new Value[] {Value.of(3.0), Value.of(9.0), Value.of(Math.tanh(3.0))}).tanh();
    assertThat(given).isEqualTo(fresh.data());
    assertThat(w0.data()).isEqualTo(0.5);
    assertThat(graph.forward()).isEqualTo(out.data());
    assertThatThrownBy(() -> graph.forward(new int[] {graph.leaves().size()}, new double[] {1}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("holds no leaf");
  }

  /** How the rows of a batch go through one layer's weights W (3 × 3) and biases b. */
  enum Rows {
    /** Three rows, each with its own inputs: one op for all of them. */
    INDEPENDENT,
    /** Each row's inputs are the previous row's outputs (W applied three times, as a recurrent net does). */
    EACH_ON_THE_LAST,
    /** Three rows over the same inputs, whose gradients then add up from every row: one layer of nine neurons. */
    SHARED_INPUTS
  }

  private static Value batchThroughOneLayer(Rows rows, Value[][] x, Value[][] w, Value[] b) {
    Value[] losses = new Value[3];
    Value[][] outs = new Value[3][];
    Value[] in = x[0];
    for (int r = 0; r < 3; r++) {
      Value[] inputs = switch (rows) {
        case INDEPENDENT -> x[r];
        case EACH_ON_THE_LAST -> in;
        case SHARED_INPUTS -> x[0];
      };
      outs[r] = new Value[3];
      for (int j = 0; j < 3; j++) {
        outs[r][j] = dev.retrograd.autograd.internal.Nodes.neuron(w[j], inputs, b[j], TestFunctions.SOFTPLUS);
      }
      in = outs[r];
    }
    for (int r = 0; r < 3; r++) {   // after every row's neurons, as a network's forward pass makes them
      losses[r] = Value.loss(TestFunctions.SQUARED_ERROR, outs[r], new double[] {0.5, -0.25, 1});
    }
    return Value.sum(losses);
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void rows_through_shared_weights_replay_bit_for_bit_merged_only_when_independent(@ForAll Rows rows,
      @ForAll("points") double[] at, @ForAll("points") double[] replayedAt) {
    SplittableRandom random = new SplittableRandom(17);
    Value[][] w = new Value[3][3];
    Value[] b = new Value[3];
    for (int j = 0; j < 3; j++) {
      b[j] = Value.of(random.nextDouble(-1, 1));
      for (int i = 0; i < 3; i++) {
        w[j][i] = Value.of(random.nextDouble(-1, 1));
      }
    }
    Value[][] x = new Value[3][3];
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < 3; i++) {
        x[r][i] = Value.of(at[i] * (r + 1) - r);
      }
    }
    CompiledGraph graph = Value.compile(batchThroughOneLayer(rows, x, w, b));
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < 3; i++) {
        x[r][i].setData(replayedAt[i] * (r + 1) - r);
      }
    }
    double replayed = graph.forward();
    graph.backward();
    List<Value> all = new ArrayList<>(List.of(b));
    for (Value[] row : w) {
      all.addAll(List.of(row));
    }
    for (Value[] row : x) {
      all.addAll(List.of(row));
    }
    double[] compiled = all.stream().mapToDouble(Value::grad).toArray();
    all.forEach(Value::zeroGrad);

    Value eager = batchThroughOneLayer(rows, x, w, b);
    eager.backward();

    assertThat(bits(replayed)).isEqualTo(bits(eager.data()));
    for (int k = 0; k < compiled.length; k++) {
      assertThat(bits(compiled[k])).as("leaf %d", k).isEqualTo(bits(all.get(k).grad()));
    }
    switch (rows) {
      case INDEPENDENT -> assertThat(graph.opCount()).as("the rows' neurons as one batch op, three losses, the sum")
          .isEqualTo(1 + 3 + 1);
      case EACH_ON_THE_LAST -> assertThat(graph.opCount()).as("each row's neurons an op of its own").isEqualTo(3 + 3 + 1);
      case SHARED_INPUTS -> assertThat(graph.opCount()).as("nine neurons over the same inputs: one layer op")
          .isEqualTo(1 + 3 + 1);
    }
  }
}
