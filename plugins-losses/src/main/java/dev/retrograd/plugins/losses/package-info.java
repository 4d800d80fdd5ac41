/** The built-in losses, each matching its {@code torch.nn.functional} counterpart for one example. */
package dev.retrograd.plugins.losses;
