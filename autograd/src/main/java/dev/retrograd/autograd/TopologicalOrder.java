package dev.retrograd.autograd;

import java.util.Arrays;

/**
 * The order {@link Value#backward()} falls back to when the thread's tape does not hold the graph:
 * an iterative depth-first search, so a graph millions of nodes deep needs no deep stack.
 */
final class TopologicalOrder {

  private TopologicalOrder() {}

  /**
   * Returns the ops reachable from {@code root}, each after all of its inputs, by an iterative
   * depth-first search. A node is marked visited with {@code visit}, an int stamp unique to the
   * running backward pass, not with a hash set; before it is marked, the pass claims it (see
   * {@link ClaimHolder}).
   *
   * @throws java.util.ConcurrentModificationException if a running pass holds one of the ops
   */
  static Value[] of(Value root, int visit) {
    Value[] order = new Value[64];
    int size = 0;
    Value[] path = new Value[64];
    int[] nextInput = new int[64];
    int depth = 0;
    if (root.hasGraph()) {
      root.claim();
      root.markVisited(visit);
      path[depth++] = root;
    }
    while (depth > 0) {
      Value node = path[depth - 1];
      int i = nextInput[depth - 1];
      int count = node.inputCount();
      while (i < count && !unvisitedOp(node.input(i), visit)) {
        i++;
      }
      if (i < count) {
        nextInput[depth - 1] = i + 1;
        Value input = node.input(i);
        input.claim();
        input.markVisited(visit);
        if (depth == path.length) {
          path = Arrays.copyOf(path, depth * 2);
          nextInput = Arrays.copyOf(nextInput, depth * 2);
        }
        path[depth] = input;
        nextInput[depth] = 0;
        depth++;
      } else {
        depth--;
        if (size == order.length) {
          order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = node;
      }
    }
    return Arrays.copyOf(order, size);
  }

  private static boolean unvisitedOp(Value node, int visit) {
    return node.hasGraph() && !node.visited(visit);
  }
}
