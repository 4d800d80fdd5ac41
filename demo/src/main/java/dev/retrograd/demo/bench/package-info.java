/** A benchmark of one training step of micrograd's two-moons demo: scalar graph, fused graph, plain arrays. */
package dev.retrograd.demo.bench;
