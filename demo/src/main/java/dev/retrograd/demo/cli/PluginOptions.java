package dev.retrograd.demo.cli;

import dev.retrograd.registry.Plugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option every command accepts: extra plugin jars, or folders of jars.
 *
 * <p><b>One instance per command line</b> ({@link CommandLineModule} binds it as a singleton): every
 * command declares it as a mixin, picocli fills in the one that was given, and the registry binding
 * reads it when a command first asks for the registry.
 */
public final class PluginOptions {

  @Option(names = "--plugins", paramLabel = "PATH", split = ",",
      description = "Plugin jars, or folders of jars, to load next to the built-ins (repeatable, or comma-separated).")
  private List<Path> paths = new ArrayList<>();

  /** Returns the built-in plugins plus those in the given jars. */
  public Plugins load() {
    return paths.isEmpty() ? Plugins.load() : Plugins.load(paths);
  }
}
