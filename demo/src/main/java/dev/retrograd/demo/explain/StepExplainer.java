package dev.retrograd.demo.explain;

import dev.retrograd.api.Activation;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Loss;
import dev.retrograd.api.Optimizer;
import dev.retrograd.autograd.Value;
import dev.retrograd.autograd.ValueParameters;
import dev.retrograd.autograd.graph.GraphLabels;
import dev.retrograd.autograd.graph.GraphLimits;
import dev.retrograd.autograd.graph.ValueGraph;
import dev.retrograd.demo.explain.ExplainedStep.LayerBackward;
import dev.retrograd.demo.explain.ExplainedStep.LossPhase;
import dev.retrograd.demo.explain.ExplainedStep.NeuronBackward;
import dev.retrograd.demo.explain.ExplainedStep.NeuronForward;
import dev.retrograd.demo.explain.ExplainedStep.ParameterGradient;
import dev.retrograd.demo.explain.ExplainedStep.ParameterUpdate;
import dev.retrograd.nn.Layer;
import dev.retrograd.nn.LayerSpec;
import dev.retrograd.nn.Mlp;
import dev.retrograd.nn.MlpSpec;
import dev.retrograd.nn.NamedParameter;
import dev.retrograd.nn.Neuron;
import dev.retrograd.registry.Plugins;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs one training step of a tiny network and records its numbers phase by phase: forward (each
 * neuron's s = w·x + b and y = f(s)), loss, backward (for every parameter ∂L/∂w = ∂L/∂y × ∂y/∂w,
 * computed here layer by layer from the loss back, next to the engine's gradient and a central
 * difference), and update (each parameter before and after the optimizer's step).
 *
 * <p>The engine does the real work, as in {@code train}: the network is an {@link Mlp} whose neurons
 * are fused f(w·x + b) nodes, the loss one fused node, and {@code backward()} fills every gradient.
 * The hand computation beside it uses only the numbers of the forward pass and the plugins' own
 * {@code derivative} and {@code gradient}: the chain rule, written out.
 */
public final class StepExplainer {

  /** The step of the central differences, {@code torch.autograd.gradcheck}'s for doubles. */
  public static final double EPSILON = 1e-6;

  private final Plugins plugins;

  /** Creates an explainer whose plugins come from {@code plugins}. */
  public StepExplainer(Plugins plugins) {
    this.plugins = plugins;
  }

  /**
   * Runs the step {@code setup} describes.
   *
   * @throws dev.retrograd.api.PluginException for an unknown plugin or hyperparameter, listing what exists
   */
  public ExplainedStep explain(StepSetup setup) {
    MlpSpec spec = MlpSpec.of(setup.input().length, setup.hidden(), setup.target().length, setup.activation(),
        setup.initializer()).withOutputActivation(setup.outputActivation(), Hyperparameters.empty());
    Loss loss = plugins.loss(setup.loss(), Hyperparameters.empty());
    Optimizer optimizer = plugins.optimizer(setup.optimizer(), setup.optimizerHyperparameters());
    Mlp model = Mlp.of(spec, plugins, new SplittableRandom(setup.seed()));
    Network network = new Network(model, activations(model), loss, setup.target());

    Value[] x = new Value[setup.input().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Value.of(setup.input()[i]);
    }
    List<Value[]> outputs = network.forward(x);
    Value[] prediction = outputs.get(outputs.size() - 1);
    Value lossNode = Value.loss(loss, prediction, setup.target());
    lossNode.backward();

    List<NeuronForward> forward = forwardPhase(network, x, outputs);
    LossPhase lossPhase = lossPhase(setup, loss, prediction, lossNode);
    List<LayerBackward> backward = backwardPhase(network, forward, outputs, lossPhase.gradient(), x);
    ValueGraph graph = ValueGraph.trace(lossNode, labels(model, x, outputs, lossNode, setup), GraphLimits.DEFAULT);

    List<ParameterUpdate> updates = new ArrayList<>();
    List<Value> parameters = model.parameters();
    double[] before = parameters.stream().mapToDouble(Value::data).toArray();
    optimizer.step(ValueParameters.of(parameters));
    List<NamedParameter> named = model.namedParameters();
    for (int i = 0; i < named.size(); i++) {
      Value parameter = named.get(i).value();
      updates.add(new ParameterUpdate(named.get(i).name(), before[i], parameter.grad(), parameter.data()));
    }
    String optimizerText = setup.optimizer() + "(" + setup.optimizerHyperparameters() + ")";
    String optimizerDescription = plugins.plugin("optimizer", setup.optimizer()).description();
    return new ExplainedStep(setup, optimizerText, optimizerDescription, optimizer.learningRate(), forward, lossPhase,
        backward, updates, network.loss(x), graph);
  }

  /** Returns each layer's activation, null for a linear layer, as {@link Mlp#of} resolved it. */
  private List<Activation> activations(Mlp model) {
    List<Activation> activations = new ArrayList<>();
    for (Layer layer : model.layers()) {
      LayerSpec spec = layer.spec();
      activations.add(spec.isLinear() ? null : spec.activation().resolve(plugins::activation));
    }
    return activations;
  }

  private static List<NeuronForward> forwardPhase(Network network, Value[] x, List<Value[]> outputs) {
    List<NeuronForward> forward = new ArrayList<>();
    Value[] in = x;
    for (int l = 0; l < network.layers().size(); l++) {
      double[] inputs = data(in);
      List<Neuron> neurons = network.layers().get(l).neurons();
      for (int k = 0; k < neurons.size(); k++) {
        Neuron neuron = neurons.get(k);
        double[] weights = data(neuron.weights().toArray(Value[]::new));
        double s = neuron.bias().data();
        for (int j = 0; j < weights.length; j++) {
          s += weights[j] * inputs[j];
        }
        Activation f = network.activations().get(l);
        forward.add(new NeuronForward(l + 1, k, network.activationName(l), inputs, weights, neuron.bias().data(), s,
            outputs.get(l)[k].data(), f == null ? s : f.apply(s)));
      }
      in = outputs.get(l);
    }
    return forward;
  }

  private LossPhase lossPhase(StepSetup setup, Loss loss, Value[] prediction, Value lossNode) {
    double[] predicted = data(prediction);
    double[] gradient = new double[predicted.length];
    loss.gradient(predicted, setup.target(), gradient);
    return new LossPhase(setup.loss(), plugins.plugin("loss", setup.loss()).description(), predicted,
        setup.target(), lossNode.data(), gradient);
  }

  /**
   * Writes out the chain rule from the output layer back: a neuron's ∂L/∂y comes from the loss in the
   * output layer and from the next layer's neurons in a hidden one; ∂L/∂w = ∂L/∂y × f'(s)·x.
   */
  private static List<LayerBackward> backwardPhase(Network network, List<NeuronForward> forward, List<Value[]> outputs,
      double[] lossGradient, Value[] x) {
    List<LayerBackward> backward = new ArrayList<>();
    int layers = network.layers().size();
    double[] upstream = lossGradient;
    double[] upstreamSlopes = null;
    List<Neuron> upstreamNeurons = null;
    for (int l = layers - 1; l >= 0; l--) {
      List<Neuron> neurons = network.layers().get(l).neurons();
      double[] gradients = new double[neurons.size()];
      double[] slopes = new double[neurons.size()];
      List<NeuronBackward> explained = new ArrayList<>();
      for (int k = 0; k < neurons.size(); k++) {
        NeuronForward numbers = find(forward, l + 1, k);
        List<double[]> terms = new ArrayList<>();
        double dLdy;
        if (l == layers - 1) {
          dLdy = upstream[k];
        } else {
          dLdy = 0;
          for (int next = 0; next < upstreamNeurons.size(); next++) {
            double w = upstreamNeurons.get(next).weights().get(k).data();
            terms.add(new double[] {upstream[next], upstreamSlopes[next], w});
            dLdy += upstream[next] * upstreamSlopes[next] * w;
          }
        }
        Activation f = network.activations().get(l);
        double slope = f == null ? 1 : f.derivative(numbers.weightedSum(), numbers.output());
        gradients[k] = dLdy;
        slopes[k] = slope;
        List<ParameterGradient> parameters = new ArrayList<>();
        Neuron neuron = neurons.get(k);
        for (int j = 0; j < numbers.inputs().length; j++) {
          parameters.add(parameterGradient(network, x, neuron.weights().get(j), false, numbers.inputs()[j], dLdy,
              slope));
        }
        parameters.add(parameterGradient(network, x, neuron.bias(), true, 1, dLdy, slope));
        explained.add(new NeuronBackward(k, dLdy, terms, outputs.get(l)[k].grad(), numbers.weightedSum(), slope,
            parameters));
      }
      backward.add(new LayerBackward(l + 1, l == layers - 1, network.activationName(l), explained));
      upstream = gradients;
      upstreamSlopes = slopes;
      upstreamNeurons = neurons;
    }
    return backward;
  }

  private static ParameterGradient parameterGradient(Network network, Value[] x, Value parameter, boolean bias,
      double input, double dLdy, double slope) {
    double local = slope * input;
    double original = parameter.data();
    parameter.setData(original + EPSILON);
    double above = network.loss(x);
    parameter.setData(original - EPSILON);
    double below = network.loss(x);
    parameter.setData(original);
    return new ParameterGradient(network.name(parameter), bias, input, dLdy, local, dLdy * local, parameter.grad(),
        (above - below) / (2 * EPSILON));
  }

  private static NeuronForward find(List<NeuronForward> forward, int layer, int neuron) {
    return forward.stream().filter(n -> n.layer() == layer && n.neuron() == neuron).findFirst().orElseThrow();
  }

  /** Names the inputs x[i], the parameters by their stable names, the neurons layerN.y[k] and the loss L. */
  private static GraphLabels labels(Mlp model, Value[] x, List<Value[]> outputs, Value lossNode, StepSetup setup) {
    GraphLabels.Builder labels = GraphLabels.builder();
    for (int i = 0; i < x.length; i++) {
      labels.name(x[i], "x[" + i + "]");
    }
    for (NamedParameter parameter : model.namedParameters()) {
      labels.parameter(parameter.value(), parameter.name());
    }
    for (int l = 0; l < outputs.size(); l++) {
      LayerSpec spec = model.layers().get(l).spec();
      String op = spec.isLinear() ? "w·x + b" : spec.activation().name() + "(w·x + b)";
      for (int k = 0; k < outputs.get(l).length; k++) {
        labels.name(outputs.get(l)[k], "layer" + (l + 1) + ".y[" + k + "]").op(outputs.get(l)[k], op);
      }
    }
    return labels.name(lossNode, "L").op(lossNode, setup.loss() + " loss").build();
  }

  private static double[] data(Value[] values) {
    double[] data = new double[values.length];
    for (int i = 0; i < data.length; i++) {
      data[i] = values[i].data();
    }
    return data;
  }

  /** The network with what the hand computation needs: its layers' activations and its parameters' names. */
  private record Network(Mlp model, List<Activation> activations, Loss loss, double[] target,
      Map<Value, String> names) {

    Network(Mlp model, List<Activation> activations, Loss loss, double[] target) {
      this(model, activations, loss, target, namesOf(model));
    }

    private static Map<Value, String> namesOf(Mlp model) {
      Map<Value, String> names = new IdentityHashMap<>();
      model.namedParameters().forEach(parameter -> names.put(parameter.value(), parameter.name()));
      return names;
    }

    List<Layer> layers() {
      return model.layers();
    }

    String activationName(int layer) {
      LayerSpec spec = model.layers().get(layer).spec();
      return spec.isLinear() ? LayerSpec.IDENTITY : spec.activation().name();
    }

    String name(Value parameter) {
      return names.get(parameter);
    }

    /** Returns each layer's outputs for input {@code x}, layer by layer. */
    List<Value[]> forward(Value[] x) {
      List<Value[]> outputs = new ArrayList<>();
      Value[] in = x;
      for (Layer layer : model.layers()) {
        in = layer.call(in);
        outputs.add(in);
      }
      return outputs;
    }

    /** Returns the loss at {@code x} with the parameters as they are now. */
    double loss(Value[] x) {
      List<Value[]> outputs = forward(x);
      return Value.loss(loss, outputs.get(outputs.size() - 1), target).data();
    }
  }
}
