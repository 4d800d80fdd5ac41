/**
 * {@code retrograd explain}: one training step of a tiny network, its numbers recorded phase by phase
 * (forward, loss, backward, update) and narrated in English or French from resource bundles.
 */
package dev.retrograd.demo.explain;
