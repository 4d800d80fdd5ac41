package dev.retrograd.nn;

import dev.retrograd.autograd.Value;
import java.util.List;

/** Anything with trainable parameters: a neuron, a layer, a whole network. */
public interface Module {

  /** Returns the trainable leaves, in a stable order that an optimizer may rely on. */
  List<Value> parameters();

  /** Resets the gradient of every parameter to 0, as before each backward pass. */
  default void zeroGrad() {
    for (Value parameter : parameters()) {
      parameter.zeroGrad();
    }
  }
}
