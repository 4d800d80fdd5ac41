package dev.retrograd.train;

import dev.retrograd.api.ElementwiseOptimizer;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugins;
import java.util.List;

/** Minimal optimizer and loss plugins for the trainer's tests: autograd cannot see the real ones. */
final class TestPlugins {

  static final Plugins PLUGINS = Plugins.of(List.of(new Sgd(), new Adam(), new Mse(), new CrossEntropy()));

  private TestPlugins() {}

  /** SGD with momentum as torch.optim.SGD: buf ← g first, then momentum·buf + g; θ ← θ − lr·buf. */
  static final class Sgd implements OptimizerPlugin {
    @Override
    public String name() {
      return "sgd";
    }

    @Override
    public String description() {
      return "test SGD with momentum";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("lr", 0.01, "learning rate").atLeast(0),
          Hyperparameter.real("momentum", 0.0, "momentum factor").atLeast(0).below(1));
    }

    @Override
    public Optimizer create(Hyperparameters hp) {
      double momentum = hp.real("momentum");
      return new ElementwiseOptimizer(hp.real("lr"), "momentum_buffer") {
        @Override
        protected void update(Element e) {
          double buf = steps() == 1 ? e.gradient() : momentum * e.buffer(0) + e.gradient();
          e.setBuffer(0, buf);
          e.set(e.value() - learningRate() * buf);
        }
      };
    }
  }

  /** Adam as torch.optim.Adam (no weight decay, no amsgrad). */
  static final class Adam implements OptimizerPlugin {
    @Override
    public String name() {
      return "adam";
    }

    @Override
    public String description() {
      return "test Adam";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
      return List.of(Hyperparameter.real("lr", 0.001, "learning rate").atLeast(0),
          Hyperparameter.real("beta1", 0.9, "first moment decay"),
          Hyperparameter.real("beta2", 0.999, "second moment decay"));
    }

    @Override
    public Optimizer create(Hyperparameters hp) {
      double beta1 = hp.real("beta1");
      double beta2 = hp.real("beta2");
      return new ElementwiseOptimizer(hp.real("lr"), "exp_avg", "exp_avg_sq") {
        private double correction1;
        private double correction2;

        @Override
        protected void beginStep() {
          correction1 = 1 - Math.pow(beta1, steps());
          correction2 = 1 - Math.pow(beta2, steps());
        }

        @Override
        protected void update(Element e) {
          double g = e.gradient();
          double m = beta1 * e.buffer(0) + (1 - beta1) * g;
          double v = beta2 * e.buffer(1) + (1 - beta2) * g * g;
          e.setBuffer(0, m);
          e.setBuffer(1, v);
          e.set(e.value() - learningRate() * (m / correction1) / (Math.sqrt(v / correction2) + 1e-8));
        }
      };
    }
  }

  /** Mean squared error over the row: mean((p − t)²). */
  static final class Mse implements LossPlugin, Loss {
    @Override
    public String name() {
      return "mse";
    }

    @Override
    public String description() {
      return "test mean squared error";
    }

    @Override
    public Loss create(Hyperparameters hp) {
      return this;
    }

    @Override
    public double value(double[] p, double[] t) {
      double sum = 0;
      for (int i = 0; i < p.length; i++) {
        sum += (p[i] - t[i]) * (p[i] - t[i]);
      }
      return sum / p.length;
    }

    @Override
    public void gradient(double[] p, double[] t, double[] out) {
      for (int i = 0; i < p.length; i++) {
        out[i] = 2 * (p[i] - t[i]) / p.length;
      }
    }
  }

  /** Softmax cross-entropy of logits against a one-hot row: −Σ t·log_softmax(x). */
  static final class CrossEntropy implements LossPlugin, Loss {
    @Override
    public String name() {
      return "cross_entropy";
    }

    @Override
    public String description() {
      return "test softmax cross-entropy";
    }

    @Override
    public Loss create(Hyperparameters hp) {
      return this;
    }

    @Override
    public double value(double[] x, double[] t) {
      double[] logSoftmax = logSoftmax(x);
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        sum -= t[i] * logSoftmax[i];
      }
      return sum;
    }

    @Override
    public void gradient(double[] x, double[] t, double[] out) {
      double[] logSoftmax = logSoftmax(x);
      for (int i = 0; i < x.length; i++) {
        out[i] = Math.exp(logSoftmax[i]) - t[i];
      }
    }

    private static double[] logSoftmax(double[] x) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : x) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : x) {
        sum += Math.exp(v - max);
      }
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = x[i] - max - Math.log(sum);
      }
      return out;
    }
  }
}
