package dev.retrograd.train;

/**
 * A learning-rate schedule: the learning rate of each epoch as a function of the base learning
 * rate (the optimizer's initial {@code learningRate()}), the epoch index and the run's length.
 *
 * <p><b>Schedules are evaluated once per epoch</b>, like a {@code torch.optim.lr_scheduler}
 * stepped once at the end of every epoch: epoch index e (0 for the first epoch, torch's
 * {@code last_epoch}) trains at {@code learningRate(base, e, epochs)} throughout. Each schedule
 * uses torch's closed form, so the rate depends on e alone and a resumed run gets it right.
 *
 * <p>Text form, as the command line takes it ({@link #parse}) and {@code toString()} writes it, a
 * name and {@code key=value} parameters read by the same parser and checks as plugin
 * hyperparameters; a parameter at its default may be left out:
 * <pre>
 * constant
 * step:step_size=10,gamma=0.5   step:step_size=10          (gamma 0.1)
 * exponential:gamma=0.95        exponential:0.95           (the only parameter)
 * cosine                        cosine:t_max=50,eta_min=0.0001
 * warmup_cosine:warmup=5        warmup_cosine:warmup=5,eta_min=0.0001,start_factor=0.1
 * </pre>
 *
 * <p>The records check their parameters against the same declarations in their constructors, so
 * a schedule built in code is refused with the same message as its text.
 */
public sealed interface Schedule {

  /**
   * Returns the learning rate of epoch index {@code epoch} (0-based) of a run of {@code epochs}
   * epochs, from {@code baseLr}.
   */
  double learningRate(double baseLr, int epoch, int epochs);

  /**
   * Checks that this schedule can drive a run of {@code epochs} epochs.
   *
   * @throws IllegalArgumentException saying why not
   */
  default void requireFits(int epochs) {}

  /** Returns the lr unchanged: {@code lr = base}. */
  static Schedule constant() {
    return new Constant();
  }

  /** Returns {@link Step}: the lr times {@code gamma} every {@code stepSize} epochs. */
  static Schedule step(int stepSize, double gamma) {
    return new Step(stepSize, gamma);
  }

  /** Returns {@link Exponential}: the lr times {@code gamma} every epoch. */
  static Schedule exponential(double gamma) {
    return new Exponential(gamma);
  }

  /** Returns {@link Cosine} annealing to 0 over the whole run. */
  static Schedule cosine() {
    return new Cosine(0, 0.0);
  }

  /** Returns {@link Cosine} annealing to {@code etaMin} over {@code tMax} epochs. */
  static Schedule cosine(int tMax, double etaMin) {
    return new Cosine(tMax, etaMin);
  }

  /** Returns {@link WarmupCosine} with {@code warmup} warm-up epochs, eta_min 0 and start factor 1/3. */
  static Schedule warmupCosine(int warmup) {
    return new WarmupCosine(warmup, 0.0, WarmupCosine.DEFAULT_START_FACTOR);
  }

  /** Returns {@link WarmupCosine}. */
  static Schedule warmupCosine(int warmup, double etaMin, double startFactor) {
    return new WarmupCosine(warmup, etaMin, startFactor);
  }

  /**
   * Reads the text form: a name, optionally followed by {@code :} and {@code key=value} pairs
   * separated by commas.
   *
   * @throws IllegalArgumentException for an unknown schedule, listing the accepted ones, or for a
   *     parameter that is unknown, missing, malformed or out of range, naming the schedule and
   *     listing what it accepts
   */
  static Schedule parse(String text) {
    return ScheduleForms.ALL.parse(text);
  }

  /** {@code lr = base}, every epoch. */
  record Constant() implements Schedule {
    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      return baseLr;
    }

    @Override
    public String toString() {
      return "constant";
    }
  }

  /**
   * {@code lr = base·gamma^⌊e / step_size⌋}, the closed form of
   * {@code torch.optim.lr_scheduler.StepLR(step_size, gamma)}.
   *
   * @param stepSize epochs between decays, ≥ 1
   * @param gamma the decay factor, finite and &gt; 0 (torch's default 0.1)
   */
  record Step(int stepSize, double gamma) implements Schedule {
    /** Checks the ranges. */
    public Step {
      ScheduleForms.ALL.check("step", stepSize, gamma);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      return baseLr * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }

    @Override
    public String toString() {
      return ScheduleForms.ALL.text("step", stepSize, gamma);
    }
  }

  /**
   * {@code lr = base·gamma^e}, the closed form of {@code torch.optim.lr_scheduler.ExponentialLR(gamma)}.
   *
   * @param gamma the decay factor per epoch, finite and &gt; 0
   */
  record Exponential(double gamma) implements Schedule {
    /** Checks the range. */
    public Exponential {
      ScheduleForms.ALL.check("exponential", gamma);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      return baseLr * Math.pow(gamma, epoch);
    }

    @Override
    public String toString() {
      return ScheduleForms.ALL.text("exponential", gamma);
    }
  }

  /**
   * {@code lr = eta_min + (base − eta_min)·(1 + cos(π·e / t_max)) / 2}, the closed form of
   * {@code torch.optim.lr_scheduler.CosineAnnealingLR(T_max, eta_min)}; past {@code t_max} it rises
   * again, as torch's closed form does.
   *
   * @param tMax the epochs of the half period, ≥ 1; 0 means the run's number of epochs
   * @param etaMin the smallest learning rate, finite and ≥ 0
   */
  record Cosine(int tMax, double etaMin) implements Schedule {
    /** Checks the ranges. */
    public Cosine {
      ScheduleForms.ALL.check("cosine", tMax, etaMin);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      int period = tMax == 0 ? epochs : tMax;
      return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / period)) / 2;
    }

    @Override
    public String toString() {
      return ScheduleForms.ALL.text("cosine", tMax, etaMin);
    }
  }

  /**
   * A linear warm-up over {@code warmup} epochs, then cosine annealing to {@code eta_min} over the
   * remaining epochs: torch's
   * {@code SequentialLR([LinearLR(start_factor, end_factor=1, total_iters=warmup),
   * CosineAnnealingLR(T_max=epochs − warmup, eta_min)], milestones=[warmup])}.
   *
   * <pre>
   * e &lt; warmup:  lr = base·(start_factor + (1 − start_factor)·e / warmup)
   * e ≥ warmup:  lr = eta_min + (base − eta_min)·(1 + cos(π·(e − warmup) / (epochs − warmup))) / 2
   * </pre>
   *
   * @param warmup the warm-up epochs, ≥ 1 and fewer than the run's epochs
   * @param etaMin the smallest learning rate, finite and ≥ 0
   * @param startFactor the fraction of the base rate of the first epoch, in (0, 1] (torch's default 1/3)
   */
  record WarmupCosine(int warmup, double etaMin, double startFactor) implements Schedule {

    /** torch.optim.lr_scheduler.LinearLR's default start_factor. */
    public static final double DEFAULT_START_FACTOR = 1.0 / 3;

    /** Checks the ranges. */
    public WarmupCosine {
      ScheduleForms.ALL.check("warmup_cosine", warmup, etaMin, startFactor);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      if (epoch < warmup) {
        return baseLr * (startFactor + (1 - startFactor) * epoch / warmup);
      }
      return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * (epoch - warmup) / (epochs - warmup))) / 2;
    }

    @Override
    public void requireFits(int epochs) {
      if (warmup >= epochs) {
        throw new IllegalArgumentException("warmup_cosine schedule's warmup (" + warmup
            + ") must be fewer than the epochs (" + epochs + "), leaving epochs for the cosine part");
      }
    }

    @Override
    public String toString() {
      return ScheduleForms.ALL.text("warmup_cosine", warmup, etaMin, startFactor);
    }
  }
}
