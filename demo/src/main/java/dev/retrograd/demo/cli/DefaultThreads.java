package dev.retrograd.demo.cli;

/**
 * The number of threads a run takes when {@code --threads} is not given: every core, unless a batch
 * cut into that many parts leaves each part too little work to pay for handing it to another thread.
 *
 * <p>A part's work is counted as parameters × rows, about the multiply-adds of its forward pass. Below
 * {@link #MINIMUM_WORK_PER_PART} a part takes a fraction of a millisecond, and waking a thread, and
 * moving the parameters and gradients between cores, costs more than the work saves: the 64-32-10
 * digits network at batch 32 (2,410 parameters) trains faster on one thread, the 784-128-10 network
 * (101,770 parameters) faster on two. PyTorch's CPU kernels decide the same way, by a grain size below
 * which they do not split a loop.
 */
final class DefaultThreads {

  /** The least work, parameters × rows, worth a thread of its own. */
  static final long MINIMUM_WORK_PER_PART = 500_000;

  private DefaultThreads() {}

  /**
   * Returns the largest thread count, at most {@code cores}, at which each part of a batch of
   * {@code batchSize} rows has at least {@link #MINIMUM_WORK_PER_PART} of work; 1 when no split does.
   */
  static int of(int parameters, int batchSize, int cores) {
    int threads = Math.max(1, Math.min(cores, batchSize));
    while (threads > 1 && (long) parameters * (batchSize / threads) < MINIMUM_WORK_PER_PART) {
      threads--;
    }
    return threads;
  }
}
