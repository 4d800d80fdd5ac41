package dev.retrograd.demo.cli;

import dev.retrograd.registry.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code retrograd plugins}: every plugin of every kind, with its description and hyperparameters. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List every optimizer, activation, loss and initializer, with hyperparameters and defaults.")
public final class PluginsCommand implements Callable<Integer> {

  /** Declares {@code --plugins}; the registry binding reads it. */
  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  private final Provider<Plugins> registry;

  @Inject
  PluginsCommand(Provider<Plugins> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(registry.get().describe());
    out.flush();
    return 0;
  }
}
