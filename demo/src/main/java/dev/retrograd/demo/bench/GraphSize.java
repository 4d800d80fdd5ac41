package dev.retrograd.demo.bench;

import dev.retrograd.autograd.Value;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Counts the nodes of a computation graph. Slow and allocating: for use outside timed code. */
final class GraphSize {

  private GraphSize() {}

  /**
   * Returns the number of distinct values reachable from {@code root} through {@link Value#inputs()},
   * root and leaves included. Iterative, so a deep graph does not overflow the stack.
   */
  static int count(Value root) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Value> pending = new ArrayDeque<>();
    seen.add(root);
    pending.push(root);
    while (!pending.isEmpty()) {
      for (Value input : pending.pop().inputs()) {
        if (seen.add(input)) {
          pending.push(input);
        }
      }
    }
    return seen.size();
  }
}
