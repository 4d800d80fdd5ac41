/** The built-in weight initializers (zeros, constant, uniform, normal, Xavier, He, LeCun, orthogonal), with the formulas of {@code torch.nn.init}. */
package dev.retrograd.plugins.initializers;
