/** The built-in activations (relu, gelu, silu, softplus, …), each matching its torch.nn.functional counterpart. */
package dev.retrograd.plugins.activations;
