package dev.retrograd.demo.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the parts of a step that other threads run. */
final class Parts {

  private Parts() {}

  /**
   * Waits for every part in {@code running} to end.
   *
   * @throws IllegalStateException carrying a part's failure, or when interrupted
   */
  static void awaitAll(List<Future<?>> running) {
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
