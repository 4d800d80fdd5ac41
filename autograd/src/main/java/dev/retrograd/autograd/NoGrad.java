package dev.retrograd.autograd;

/**
 * A scope in which the calling thread's ops compute their values but record no graph, as
 * {@code torch.no_grad()}: opened by {@link Value#noGrad()}, closed by try-with-resources.
 *
 * <pre>{@code
 * try (NoGrad scope = Value.noGrad()) {
 *   double score = model.call(x)[0].data();   // a forward pass that keeps nothing alive
 * }
 * }</pre>
 *
 * <p>Scopes nest; ops record again when the outermost one is closed. A scope belongs to the thread
 * that opened it and changes nothing on other threads. Closing it twice is harmless.
 */
public final class NoGrad implements AutoCloseable {

  private final Tape tape;
  private boolean closed;

  NoGrad(Tape tape) {
    this.tape = tape;
    tape.enterNoGrad();
  }

  /**
   * Ends this scope: once every scope the thread opened is closed, its ops record again.
   *
   * @throws IllegalStateException if called on another thread than the one that opened the scope
   */
  @Override
  public void close() {
    if (Thread.currentThread() != tape.owner()) {
      throw new IllegalStateException("A noGrad scope is closed on the thread that opened it ('"
          + tape.owner().getName() + "'), not on '" + Thread.currentThread().getName()
          + "'. Open and close it in one try-with-resources block.");
    }
    if (!closed) {
      closed = true;
      tape.exitNoGrad();
    }
  }
}
