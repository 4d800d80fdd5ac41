package dev.retrograd.nn;

import dev.retrograd.autograd.Value;

/**
 * A trainable leaf with its stable name, such as {@code layer2.weight[3][7]} (row 3 = output
 * neuron 3, column 7 = input 7) or {@code layer1.bias[0]}.
 *
 * @param name the stable name; checkpoints store parameters under it
 * @param value the leaf
 */
public record NamedParameter(String name, Value value) {}
