package dev.retrograd.demo.experiment;

import dev.retrograd.data.Dataset;
import dev.retrograd.nn.Mlp;
import dev.retrograd.registry.Plugins;
import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.RunOptions;
import dev.retrograd.train.Trainer;
import dev.retrograd.train.TrainingConfig;
import dev.retrograd.train.TrainingDivergedException;
import dev.retrograd.train.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the runs of an experiment on the same examples and collects their {@link RunFigures}.
 *
 * <p>Each run builds its network from its own init seed, is measured at initialization
 * ({@link InitialProbe}), then trained by {@link Trainer#fit}; a run whose loss becomes NaN or
 * infinite is recorded with its {@link Divergence} instead of failing the experiment. Runs are
 * independent, so they go on as many threads as there are cores (and runs): <b>the figures are
 * the same whatever the number of threads</b>.
 */
final class Runner {

  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  private final Plugins plugins;
  private final Trainer trainer;
  private final int threads;

  /** Creates a runner that makes plugins from {@code plugins} and trains on up to {@code threads} threads. */
  Runner(Plugins plugins, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.plugins = plugins;
    this.trainer = new Trainer(plugins);
    this.threads = threads;
  }

  /** Creates a runner with one thread per available core. */
  static Runner onAvailableCores(Plugins plugins) {
    return new Runner(plugins, Runtime.getRuntime().availableProcessors());
  }

  /** Trains every run on {@code data} and returns their figures in the order of {@code specs}. */
  List<RunFigures> train(List<RunSpec> specs, Dataset data) {
    int pool = Math.min(threads, specs.size());
    if (pool <= 1) {
      return specs.stream().map(spec -> train(spec, data)).toList();
    }
    ExecutorService executor = Executors.newFixedThreadPool(pool);
    try {
      List<Future<RunFigures>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        Callable<RunFigures> task = () -> train(spec, data);
        futures.add(executor.submit(task));
      }
      List<RunFigures> figures = new ArrayList<>();
      for (Future<RunFigures> future : futures) {
        figures.add(await(future));
      }
      return figures;
    } finally {
      executor.shutdownNow();
    }
  }

  private static RunFigures await(Future<RunFigures> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a training run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Builds, measures and trains one run. */
  RunFigures train(RunSpec spec, Dataset data) {
    TrainingConfig config = spec.config();
    Mlp model = Mlp.of(spec.architecture(), plugins, new SplittableRandom(spec.initSeed()));
    InitialFigures initial = InitialProbe.measure(model, data,
        config.loss().resolve(plugins::loss));
    Recorder recorder = new Recorder();
    Optional<Divergence> divergence = Optional.empty();
    long start = System.nanoTime();
    try {
      trainer.fit(model, data, config, RunOptions.none().withListener(recorder));
    } catch (TrainingDivergedException e) {
      divergence = Optional.of(new Divergence(e.epoch(), e.step(), e.loss(), recorder.lastStepLoss()));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    RunFigures figures = new RunFigures(spec.label(), spec.architecture().toString(), initial, recorder.losses,
        recorder.accuracies, recorder.gradientNorms, recorder.stepLosses, recorder.firstEpochGradients,
        divergence, elapsed);
    log.info("Run '{}': {} epochs, final loss {}{} ({} ms)", spec.label(), figures.epochs(), figures.finalLoss(),
        divergence.map(d -> ", diverged at " + d.where()).orElse(""), elapsed.toMillis());
    return figures;
  }

  /** Collects the figures of each step and epoch as the run goes. */
  private static final class Recorder implements TrainingListener {
    final List<Double> losses = new ArrayList<>();
    final List<Double> accuracies = new ArrayList<>();
    final List<Double> gradientNorms = new ArrayList<>();
    final List<Double> stepLosses = new ArrayList<>();
    Map<String, Double> firstEpochGradients = Map.of();

    @Override
    public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
      stepLosses.add(loss);
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
      losses.add(metrics.trainLoss());
      accuracies.add(metrics.train().accuracy());
      gradientNorms.add(metrics.gradientNorm());
      if (metrics.epoch() == 1) {
        firstEpochGradients = metrics.meanAbsGradientByLayer();
      }
    }

    double lastStepLoss() {
      return stepLosses.isEmpty() ? Double.NaN : stepLosses.get(stepLosses.size() - 1);
    }
  }
}
