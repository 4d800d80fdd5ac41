package dev.retrograd.api;

import java.util.List;

/** Small plugins for the SPI's and the registry's tests, passed in directly rather than found on the class path. */
public final class TestPlugins {

  private TestPlugins() {}

  /** θ ← θ − lr·g, with lr in [0, ∞) and an integer and a flag to exercise every type. */
  public static class PlainSgd implements OptimizerPlugin {
    @Override
    public String name() {
      return "plain_sgd";
    }

    @Override
    public String description() {
      return "theta <- theta - lr * g";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(
          Hyperparameter.real("lr", 0.1, "learning rate").atLeast(0),
          Hyperparameter.real("beta", 0.9, "a decay").atLeast(0).below(1),
          Hyperparameter.integer("warmup", 0, "steps of warm-up").atLeast(0),
          Hyperparameter.flag("nesterov", false, "a flag"));
    }

    @Override
    public Optimizer create(Hyperparameters hp) {
      double lr = hp.real("lr");
      return new ElementwiseOptimizer(lr) {
        @Override
        protected void update(Element e) {
          e.set(e.value() - learningRate() * e.gradient());
        }
      };
    }
  }

  /** Another class claiming the same name as {@link PlainSgd}. */
  public static final class AnotherPlainSgd extends PlainSgd {}

  /** An identity activation with no hyperparameters. */
  public static final class Identity implements ActivationPlugin, Activation {
    @Override
    public String name() {
      return "identity";
    }

    @Override
    public String description() {
      return "f(x) = x";
    }

    @Override
    public Activation create(Hyperparameters hp) {
      return this;
    }

    @Override
    public double apply(double x) {
      return x;
    }

    @Override
    public double derivative(double x, double y) {
      return 1;
    }
  }

  /** A plugin with a name and hyperparameters given at construction, for shape checks. */
  public static final class Shaped implements LossPlugin {
    private final String name;
    private final List<Hyperparameter> hyperparameters;

    public Shaped(String name, Hyperparameter... hyperparameters) {
      this.name = name;
      this.hyperparameters = List.of(hyperparameters);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return "a loss of some shape";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return hyperparameters;
    }

    @Override
    public Loss create(Hyperparameters hp) {
      throw new IllegalArgumentException("shaped: never created");
    }
  }
}
