/**
 * Graph export: a {@code Value} graph traced into nodes and edges with every value and gradient, and
 * written as Graphviz DOT text.
 */
package dev.retrograd.autograd.graph;
