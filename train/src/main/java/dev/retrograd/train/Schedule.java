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
 * <p>Text form, as the command line takes it ({@link #parse}) and {@code toString()} writes it:
 * <pre>
 * constant
 * step:step_size=10,gamma=0.5
 * exponential:gamma=0.95
 * cosine                        cosine:t_max=50,eta_min=0.0001
 * warmup_cosine:warmup=5        warmup_cosine:warmup=5,eta_min=0.0001,start_factor=0.1
 * </pre>
 */
public sealed interface Schedule {

  /** The schedules {@link #parse} accepts, with their parameters (brackets: optional). */
  String ACCEPTED = "constant, step:step_size=N[,gamma=0.1], exponential:gamma=G,"
      + " cosine[:t_max=N,eta_min=0.0], warmup_cosine:warmup=N[,eta_min=0.0,start_factor=0.3333333333333333]";

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
   * @throws IllegalArgumentException for an unknown schedule or parameter, a missing parameter, a
   *     malformed or out-of-range value; the message lists what is accepted
   */
  static Schedule parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int colon = trimmed.indexOf(':');
    String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
    ScheduleArguments args = new ScheduleArguments(name, colon < 0 ? "" : trimmed.substring(colon + 1));
    Schedule schedule = switch (name) {
      case "constant" -> {
        args.allow();
        yield constant();
      }
      case "step" -> {
        args.allow("step_size", "gamma");
        yield step(args.integer("step_size", null), args.real("gamma", 0.1));
      }
      case "exponential" -> {
        args.allow("gamma");
        yield exponential(args.real("gamma", null));
      }
      case "cosine" -> {
        args.allow("t_max", "eta_min");
        yield cosine(args.integer("t_max", 0), args.real("eta_min", 0.0));
      }
      case "warmup_cosine" -> {
        args.allow("warmup", "eta_min", "start_factor");
        yield warmupCosine(args.integer("warmup", null), args.real("eta_min", 0.0),
            args.real("start_factor", WarmupCosine.DEFAULT_START_FACTOR));
      }
      default -> throw new IllegalArgumentException(
          "Unknown schedule '" + trimmed + "'; accepted: " + ACCEPTED + ".");
    };
    return schedule;
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
      if (stepSize < 1) {
        throw new IllegalArgumentException("step schedule's step_size must be >= 1, was " + stepSize);
      }
      requirePositive("step", "gamma", gamma);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      return baseLr * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }

    @Override
    public String toString() {
      return "step:step_size=" + stepSize + ",gamma=" + gamma;
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
      requirePositive("exponential", "gamma", gamma);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      return baseLr * Math.pow(gamma, epoch);
    }

    @Override
    public String toString() {
      return "exponential:gamma=" + gamma;
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
      if (tMax < 0) {
        throw new IllegalArgumentException(
            "cosine schedule's t_max must be >= 1 (or 0 for the run's epochs), was " + tMax);
      }
      requireNonNegative("cosine", etaMin);
    }

    @Override
    public double learningRate(double baseLr, int epoch, int epochs) {
      int period = tMax == 0 ? epochs : tMax;
      return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / period)) / 2;
    }

    @Override
    public String toString() {
      String tail = (tMax == 0 ? "" : ",t_max=" + tMax) + (etaMin == 0 ? "" : ",eta_min=" + etaMin);
      return tail.isEmpty() ? "cosine" : "cosine:" + tail.substring(1);
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
      if (warmup < 1) {
        throw new IllegalArgumentException("warmup_cosine schedule's warmup must be >= 1, was " + warmup);
      }
      requireNonNegative("warmup_cosine", etaMin);
      if (!(startFactor > 0 && startFactor <= 1)) {
        throw new IllegalArgumentException(
            "warmup_cosine schedule's start_factor must be in (0, 1], was " + startFactor);
      }
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
      return "warmup_cosine:warmup=" + warmup + (etaMin == 0 ? "" : ",eta_min=" + etaMin)
          + (startFactor == DEFAULT_START_FACTOR ? "" : ",start_factor=" + startFactor);
    }
  }

  private static void requirePositive(String schedule, String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(schedule + " schedule's " + name + " must be finite and > 0, was " + value);
    }
  }

  private static void requireNonNegative(String schedule, double etaMin) {
    if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
      throw new IllegalArgumentException(schedule + " schedule's eta_min must be finite and >= 0, was " + etaMin);
    }
  }
}
