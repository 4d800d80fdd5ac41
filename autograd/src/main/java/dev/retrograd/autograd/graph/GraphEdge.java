package dev.retrograd.autograd.graph;

/**
 * An edge of a {@link ValueGraph}, from a value (or a merged node) into the op that uses it, or from
 * an op into the value it made.
 *
 * @param from the id of the node the edge leaves
 * @param to the id of the node the edge enters
 */
public record GraphEdge(String from, String to) {}
