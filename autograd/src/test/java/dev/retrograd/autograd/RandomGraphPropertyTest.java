package dev.retrograd.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random expression graphs over every op of {@link Value}, with shared subexpressions and constants:
 * their gradients agree with central differences ({@link GradCheck}), backward along the tape agrees
 * with backward by sorting, and a forward pass under {@code noGrad} computes the same value.
 *
 * <p>A graph is planned once at the point checked: an op whose input there is outside its smooth
 * domain (log, sqrt and a real power of a number below 0.2, a division by less than 0.2, relu and
 * abs within 0.05 of their kink, exp above 3) or whose output would exceed 50 in size becomes a
 * tanh of its first input. The plan is then replayed without decisions, so the numeric derivative
 * differentiates the same function.
 */
class RandomGraphPropertyTest {

  private static final double MARGIN = 0.2;
  private static final double KINK = 0.05;
  private static final double BOUND = 50;

  private static final double[] CONSTANTS = {-1.5, -0.5, 0.5, 2, 3};
  private static final double[] EXPONENTS = {2, 3, -1, 0.5, 1.5};

  /** Every op of Value, one way of calling it each. */
  enum Op {
    ADD, ADD_CONSTANT, SUB, SUB_CONSTANT, MUL, MUL_CONSTANT, DIV, DIV_CONSTANT, POW, POW_CONSTANT, NEG, EXP, LOG, SQRT,
    TANH, SIGMOID, RELU, ABS, APPLY, SUM, DOT, DOT_WITH_BIAS, DOT_OF_LISTS, FUSED, LOSS, MEAN_LOSS
  }

  /** One random instruction: an op, picks of its operands among the nodes so far, and a constant. */
  record Instruction(Op op, List<Integer> picks, int constant) {}

  /** One planned step: the op, the pool indices of its operands, and its constant. */
  private record Step(Op op, int[] operands, double constant) {

    Value apply(List<Value> pool) {
      Value a = pool.get(operands[0]);
      Value b = pool.get(operands[1]);
      Value c = pool.get(operands[2]);
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
        case POW_CONSTANT -> a.pow(constant);
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
        case DOT_OF_LISTS -> Value.dot(List.of(a, c), List.of(b, b));
        case FUSED -> Value.fused("product", a.data() * b.data(), new Value[] {a, b}, new double[] {b.data(), a.data()});
        case LOSS -> Value.loss(TestFunctions.SQUARED_ERROR, new Value[] {a, b}, new double[] {0.5, -0.5});
        case MEAN_LOSS -> Value.meanLoss(TestFunctions.SQUARED_ERROR, new Value[][] {{a}, {c}}, new double[][] {{0.3}, {-0.1}});
      };
    }

    /** Returns whether this op is smooth at its operands' values, as the class comment says. */
    boolean smoothAt(List<Value> pool) {
      double a = pool.get(operands[0]).data();
      double b = pool.get(operands[1]).data();
      return switch (op) {
        case DIV -> Math.abs(b) >= MARGIN;
        case POW -> a >= MARGIN && Math.abs(b) <= 3;
        case POW_CONSTANT -> constant == 2 || constant == 3 || (constant == -1 ? Math.abs(a) >= MARGIN : a >= MARGIN);
        case EXP -> a <= 3;
        case LOG, SQRT -> a >= MARGIN;
        case RELU, ABS -> Math.abs(a) >= KINK;
        default -> true;
      };
    }
  }

  /** A planned graph: its leaves' count, its steps, and the nodes whose sum is the output. */
  private record Plan(int leaves, List<Step> steps, int[] outputs) implements Expression {

    @Override
    public Value apply(Value... inputs) {
      return Value.sum(outputsOf(nodes(inputs)));
    }

    /** Returns every node of the graph over {@code inputs}: the leaves, then one per step. */
    List<Value> nodes(Value... inputs) {
      List<Value> pool = new ArrayList<>(List.of(inputs));
      for (Step step : steps) {
        pool.add(step.apply(pool));
      }
      return pool;
    }

    Value[] outputsOf(List<Value> pool) {
      Value[] terms = new Value[outputs.length];
      for (int i = 0; i < outputs.length; i++) {
        terms[i] = pool.get(outputs[i]);
      }
      return terms;
    }
  }

  /** Plans {@code program} at {@code point}: picks operands, replaces ops that are not smooth there. */
  private static Plan plan(List<Instruction> program, double[] point) {
    List<Value> pool = new ArrayList<>();
    for (double x : point) {
      pool.add(Value.of(x));
    }
    List<Step> steps = new ArrayList<>();
    for (Instruction instruction : program) {
      int[] operands = new int[3];
      for (int i = 0; i < 3; i++) {
        operands[i] = instruction.picks().get(i) % pool.size();
      }
      Op op = instruction.op();
      double constant = op == Op.POW_CONSTANT ? EXPONENTS[instruction.constant()] : CONSTANTS[instruction.constant()];
      Step step = new Step(op, operands, constant);
      Value out = step.smoothAt(pool) ? step.apply(pool) : null;
      if (out == null || !(Math.abs(out.data()) <= BOUND)) {
        step = new Step(Op.TANH, operands, 0);
        out = step.apply(pool);
      }
      steps.add(step);
      pool.add(out);
    }
    int size = pool.size();
    int[] outputs = size > point.length + 2
        ? new int[] {size - 1, size - 2, size - 3}
        : new int[] {size - 1};
    return new Plan(point.length, steps, outputs);
  }

  @Provide
  Arbitrary<List<Instruction>> programs() {
    Arbitrary<Instruction> instruction = Combinators.combine(
        Arbitraries.of(Op.class),
        Arbitraries.integers().between(0, 1_000).list().ofSize(3),
        Arbitraries.integers().between(0, CONSTANTS.length - 1))
        .as(Instruction::new);
    return instruction.list().ofMinSize(1).ofMaxSize(24);
  }

  @Provide
  Arbitrary<double[]> points() {
    return Arbitraries.doubles().between(-2, 2).ofScale(3).array(double[].class).ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void gradients_of_random_graphs_agree_with_central_differences(
      @ForAll("programs") List<Instruction> program, @ForAll("points") double[] point) {
    Plan plan = plan(program, point);

    GradCheck.defaults().check(plan, point);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void backward_along_the_tape_and_backward_by_sorting_give_the_same_gradients(
      @ForAll("programs") List<Instruction> program, @ForAll("points") double[] point) {
    Plan plan = plan(program, point);
    Value[] leaves = leaves(point);
    List<Value> nodes = plan.nodes(leaves);
    Value output = Value.sum(plan.outputsOf(nodes));

    output.backward();                    // along the tape: the graph was just recorded
    double[] alongTape = gradients(nodes);
    for (Value leaf : leaves) {
      leaf.zeroGrad();
    }
    output.backward();                    // the tape's period ended: by sorting
    double[] bySorting = gradients(nodes);

    for (int i = 0; i < alongTape.length; i++) {
      assertThat(bySorting[i]).as("gradient of node %d", i)
          .isCloseTo(alongTape[i], within(1e-12 * Math.max(1, Math.abs(alongTape[i]))));
    }
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void a_forward_pass_under_no_grad_computes_the_same_value(
      @ForAll("programs") List<Instruction> program, @ForAll("points") double[] point) {
    Plan plan = plan(program, point);
    double recorded = plan.apply(leaves(point)).data();

    try (NoGrad scope = Value.noGrad()) {
      assertThat(plan.apply(leaves(point)).data()).isEqualTo(recorded);
    }
  }

  private static Value[] leaves(double[] point) {
    Value[] leaves = new Value[point.length];
    for (int i = 0; i < point.length; i++) {
      leaves[i] = Value.of(point[i]);
    }
    return leaves;
  }

  private static double[] gradients(List<Value> nodes) {
    double[] gradients = new double[nodes.size()];
    for (int i = 0; i < gradients.length; i++) {
      gradients[i] = nodes.get(i).grad();
    }
    return gradients;
  }
}
