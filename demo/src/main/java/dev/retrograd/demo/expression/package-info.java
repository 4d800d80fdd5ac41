/**
 * A small expression language for {@code retrograd graph}: numbers, variables, {@code + - * / ^},
 * the engine's functions and any activation plugin, parsed with columns for errors and built into a
 * {@code Value} graph.
 */
package dev.retrograd.demo.expression;
