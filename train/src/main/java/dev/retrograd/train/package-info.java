/** The training loop: forward, loss, backward and update, over epochs and mini-batches. */
package dev.retrograd.train;
