package dev.retrograd.demo.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.retrograd.demo.graph.GraphFilesModule;
import dev.retrograd.demo.runfiles.RunFilesModule;
import dev.retrograd.registry.Plugins;

/**
 * The composition root of the {@code retrograd} command line: its commands, the data sets
 * {@code train} loads, the files a run writes, the formats graphs are drawn in, and the plugin registry. One injector is built from
 * it per command line, and picocli gets its commands and their option mixins from that injector.
 *
 * <p>A test swaps a binding instead of copying a class:
 *
 * <pre>{@code
 * Module module = Modules.override(new CommandLineModule()).with(binder ->
 *     binder.bind(RunFiles.class).toInstance(new RunFiles(Map.of("run.txt", recorder))));
 * Main.run(module, args, out, err);
 * }</pre>
 */
public final class CommandLineModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(TrainCommand.class);
    bind(PluginsCommand.class);
    bind(ExperimentCommand.class);
    bind(BenchCommand.class);
    bind(GraphCommand.class);
    bind(ExplainCommand.class);
    bind(PredictCommand.class);
    bind(EvaluateCommand.class);
    bind(DataOptions.class);
    bind(ModelInputs.class);
    bind(PluginOptions.class).in(Singleton.class);
    bind(StopSignals.class).to(ProcessSignals.class);
    install(new DataSourcesModule());
    install(new RunFilesModule());
    install(new GraphFilesModule());
  }

  /**
   * Returns the plugin registry: the built-ins plus the jars given with {@code --plugins}. Made when
   * a command asks for it, after picocli has parsed the option into the one {@link PluginOptions}.
   */
  @Provides
  Plugins registry(PluginOptions options) {
    return options.load();
  }
}
