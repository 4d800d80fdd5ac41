package dev.retrograd.autograd;

import java.lang.invoke.VarHandle;
import java.util.ConcurrentModificationException;

/**
 * The backward passes of one thread, as the holder of what they claim: the way two passes running
 * at the same time on two threads are kept from writing the same gradients.
 *
 * <p>Before a pass writes a gradient it claims what it writes: each leaf on first reaching it, and
 * the ops by their {@link Tape.Period} (all ops one thread made between two of its backward passes
 * along its tape), once per period. An object is claimed by pointing its owner field at the
 * thread's holder; the holder counts the thread's running passes, so a pass never releases its
 * claims one by one: when it ends, they are free. Claiming:
 *
 * <ul>
 *   <li>an object this thread's holder already owns is taken as it is, with one read;
 *   <li>otherwise, if its owner has a pass running, the pass throws before writing there;
 *   <li>otherwise the pass swaps the owner for its own holder by compare-and-set, then checks that
 *       the former owner did not start a pass meanwhile (a pass that found the object still its
 *       own would write it), and throws if it did.
 * </ul>
 *
 * <p>So a pass that completes wrote and read only gradients no pass on another thread touched while
 * it ran, and its results are those of running alone. A leaf is claimed inside backward's inner
 * loops, with no call: a conflict there is noted on the {@link BackwardPass}, which throws once
 * the node being propagated is done (the leaf left unwritten). A period runs the first step inline,
 * the rest in {@link #take}:
 *
 * <pre>{@code
 * ClaimHolder owner = claimedBy;
 * if (owner == null || owner.thread != Thread.currentThread()) {
 *   ClaimHolder.take(CLAIMED_BY, this, reached);
 * }
 * }</pre>
 */
final class ClaimHolder {

  /** The thread whose passes this holder stands for. */
  final Thread thread;
  /** The number of backward passes running on {@link #thread}: more than one when one is nested in another. */
  private volatile int running;

  ClaimHolder(Thread thread) {
    this.thread = thread;
  }

  /** Returns the number of backward passes running on {@link #thread}. */
  int running() {
    return running;
  }

  /**
   * Counts a pass of this thread as started: from now on what the holder owns is in use.
   *
   * <p>The full fence orders this write before the pass's plain reads of owner fields: the
   * Dekker pattern against a thread that swaps an owner away and then reads {@link #running()}.
   * Either that thread sees this pass running and refuses, or this pass sees the swap.
   */
  void start() {
    running = running + 1;
    VarHandle.fullFence();
  }

  /** Counts a pass of this thread as ended; once none runs, everything the holder owns is free. */
  void end() {
    running = running - 1;
  }

  /**
   * Claims {@code holder} for the calling thread's running pass, through {@code ownerField}, its
   * owner field (of type ClaimHolder), which does not hold the calling thread's holder.
   *
   * @param reached the value whose gradient the pass is about to write, for the message
   * @throws ConcurrentModificationException if another thread's pass is using {@code holder}
   */
  static void take(VarHandle ownerField, Object holder, Value reached) {
    ClaimHolder mine = Tape.current().claimHolder();
    ClaimHolder owner;
    do {
      owner = (ClaimHolder) ownerField.getVolatile(holder);
      mine.requireIdle(owner, reached);
    } while (!ownerField.compareAndSet(holder, owner, mine));
    mine.requireIdle(owner, reached);
  }

  /**
   * Checks that what {@code owner} holds (nothing if null) is free for this holder's pass.
   *
   * @param reached the value whose gradient the pass is about to write, for the message
   * @throws ConcurrentModificationException if {@code owner} is another thread's holder with a pass running
   */
  void requireIdle(ClaimHolder owner, Value reached) {
    if (owner != null && owner != this && owner.running > 0) {
      throw conflict(owner, reached);
    }
  }

  /** Returns the error for a pass of this holder's thread that reached {@code reached}, held by {@code owner}'s pass. */
  ConcurrentModificationException conflict(ClaimHolder owner, Value reached) {
    String what = reached.isLeaf()
        ? "a leaf (data " + reached.data() + ")"
        : "an op ('" + reached.op() + "', data " + reached.data() + ")";
    return new ConcurrentModificationException("backward() on thread '" + thread.getName() + "' reached " + what
        + " that a backward pass running on thread '" + owner.thread.getName() + "' is using. Two backward passes"
        + " at the same time must not share a leaf, nor ops one thread made since its last backward();"
        + " give each thread its own graph and parameters, or run the passes one after another."
        + " This pass stopped part way: zero the gradients before using them.");
  }
}
