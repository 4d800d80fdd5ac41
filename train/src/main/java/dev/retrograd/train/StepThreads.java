package dev.retrograd.train;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The threads a training step hands parts of its work to, several times per step: each waits for
 * its next task by spinning for {@value #SPIN_MICROS} µs before it sleeps, because a step's parts
 * come a fraction of a millisecond apart and waking a sleeping thread costs about as much as a part.
 * Between runs, and once a run has gone quiet, the threads sleep; they are daemons.
 */
final class StepThreads extends AbstractExecutorService {

  /** How long a thread spins for its next task, and a caller for a task to finish, before sleeping. */
  static final long SPIN_MICROS = 200;

  private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Thread[] threads;
  private volatile boolean shutdown;

  /** Starts {@code count} daemon threads named {@code name}. */
  StepThreads(int count, String name) {
    threads = new Thread[count];
    for (int k = 0; k < count; k++) {
      threads[k] = new Thread(this::work, name);
      threads[k].setDaemon(true);
      threads[k].start();
    }
  }

  /** Waits for {@code future}, spinning for {@value #SPIN_MICROS} µs first, and returns as {@link Future#get()} does. */
  static void await(Future<?> future) throws InterruptedException, java.util.concurrent.ExecutionException {
    long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    while (!future.isDone() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    future.get();
  }

  private void work() {
    try {
      while (!shutdown) {
        Runnable task = tasks.poll();
        if (task == null) {
          long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
          while ((task = tasks.poll()) == null && System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        }
        if (task == null) {
          task = tasks.poll(1, TimeUnit.SECONDS);
        }
        if (task != null) {
          task.run();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void execute(Runnable command) {
    if (shutdown) {
      throw new RejectedExecutionException("the step threads have been shut down");
    }
    tasks.add(command);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    for (Thread thread : threads) {
      thread.interrupt();
    }
    List<Runnable> left = new java.util.ArrayList<>();
    tasks.drainTo(left);
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    if (!shutdown) {
      return false;
    }
    for (Thread thread : threads) {
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return isTerminated();
      }
      TimeUnit.NANOSECONDS.timedJoin(thread, left);
    }
    return isTerminated();
  }
}
