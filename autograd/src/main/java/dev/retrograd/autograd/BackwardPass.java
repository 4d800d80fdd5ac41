package dev.retrograd.autograd;

import java.util.ConcurrentModificationException;

/**
 * One run of {@link Value#backward()}: the stamp that marks the nodes it reached, the holder of
 * what its thread claims (see {@link ClaimHolder}), and the first leaf it found held by another
 * thread's running pass, if any.
 */
final class BackwardPass {

  /** The stamp that marks the nodes this pass reached; unique among passes. */
  final int visit;
  /** What this pass's thread claims. */
  final ClaimHolder holder;
  private Value conflictingLeaf;
  private ClaimHolder conflictingOwner;

  BackwardPass(int visit, ClaimHolder holder) {
    this.visit = visit;
    this.holder = holder;
  }

  /** Notes that {@code leaf} is held by {@code owner}'s running pass; returns false, as the leaf takes no gradient. */
  boolean conflict(Value leaf, ClaimHolder owner) {
    if (conflictingLeaf == null) {
      conflictingLeaf = leaf;
      conflictingOwner = owner;
    }
    return false;
  }

  /**
   * Throws if this pass found a leaf held by another thread's running pass.
   *
   * @throws ConcurrentModificationException naming the leaf and both threads
   */
  void throwIfConflict() {
    if (conflictingLeaf != null) {
      throw holder.conflict(conflictingOwner, conflictingLeaf);
    }
  }
}
