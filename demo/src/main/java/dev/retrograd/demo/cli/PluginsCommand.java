package dev.retrograd.demo.cli;

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

  @Mixin
  private PluginOptions plugins;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(plugins.load().describe());
    out.flush();
    return 0;
  }
}
