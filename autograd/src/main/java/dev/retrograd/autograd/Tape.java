package dev.retrograd.autograd;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ops one thread has created since its last {@code backward()}, in creation order: a ready-made
 * topological order, since every op is created after its inputs.
 *
 * <p>{@link Value#backward()} walks the tape in reverse instead of sorting the graph, when the
 * loss and everything it depends on were recorded here (the usual training step: forward, loss,
 * backward). Otherwise it falls back to an iterative depth-first sort. The tape is cleared by each
 * backward pass along it and when it holds {@link #CAPACITY} ops, so a thread that only ever runs
 * forward passes keeps a bounded number of nodes alive.
 *
 * <p>Each recording period has an id, unique across threads and clears until the int wraps; a node
 * remembers the id it was recorded under, so a node from another thread or from before a clear is
 * not mistaken for one on the tape (and backward also checks the node's slot on the tape).
 */
final class Tape {

  /** The most ops recorded before the tape clears itself. */
  static final int CAPACITY = 1 << 21;

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);
  /** The tape used last, checked against the calling thread before use: a cheap path past the ThreadLocal. */
  private static Tape lastUsed = CURRENT.get();

  private final Thread owner = Thread.currentThread();

  private static final int INITIAL_SIZE = 1024;

  private Value[] nodes = new Value[INITIAL_SIZE];
  private int size;
  private int id = nextId();

  private Tape() {}

  /** Returns the calling thread's tape. */
  static Tape current() {
    Tape last = lastUsed;
    if (last.owner == Thread.currentThread()) {
      return last;
    }
    Tape tape = CURRENT.get();
    lastUsed = tape;
    return tape;
  }

  /** Returns an id for a new recording period: positive, as 0 means "not recorded" and -1 "a leaf". */
  private static int nextId() {
    int id;
    do {
      id = IDS.incrementAndGet() & Integer.MAX_VALUE;
    } while (id == 0);
    return id;
  }

  /** Returns the id of the current recording period, never 0 or negative. */
  int id() {
    return id;
  }

  /** Appends {@code node} and returns its index, or -1 if the tape was full and has been cleared. */
  int record(Value node) {
    if (size == CAPACITY) {
      clear();
      return -1;
    }
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    nodes[size] = node;
    return size++;
  }

  /** Returns the op recorded at {@code index}. */
  Value get(int index) {
    return nodes[index];
  }

  /** Returns whether {@code node} sits at {@code index} of the current recording period. */
  boolean holds(Value node, int recordedUnder, int index) {
    return recordedUnder == id && index >= 0 && index < size && nodes[index] == node;
  }

  /**
   * Forgets every recorded op and starts a new recording period, in a new array as large as the
   * last period needed: a young array keeps the garbage collector's write barrier cheap, where a
   * long-lived one would make every recorded node a cross-generation store.
   */
  void clear() {
    nodes = new Value[Math.max(INITIAL_SIZE, size)];
    size = 0;
    id = nextId();
  }
}
