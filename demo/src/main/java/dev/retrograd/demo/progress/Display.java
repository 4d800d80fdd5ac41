package dev.retrograd.demo.progress;

/** One way of showing progress; {@link TrainingProgress} checks the order of calls before they get here. */
interface Display {

  /** Called once, before any update, with the planned number of steps (> 0). */
  void start(long totalSteps);

  /** Called after each step: {@code done} steps so far (may pass the plan), in {@code epoch}, with {@code loss}. */
  void update(long done, int epoch, double loss);

  /** Called once, after the last update, if {@link #start} was called. */
  void close();

  /** Blanks a bar drawn in place, so the next line of the program's report starts on a clean line. */
  default void clearLine() {}

  /** Shows nothing. */
  Display NONE = new Display() {
    @Override
    public void start(long totalSteps) {}

    @Override
    public void update(long done, int epoch, double loss) {}

    @Override
    public void close() {}
  };
}
