package dev.retrograd.registry;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.retrograd.api.Activation;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.Hyperparameter;
import dev.retrograd.api.Hyperparameters;
import dev.retrograd.api.Initializer;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.Loss;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.Optimizer;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginCatalog;
import dev.retrograd.api.PluginException;
import dev.retrograd.registry.internal.ContributedPlugins;
import dev.retrograd.registry.internal.Discovered;
import dev.retrograd.registry.internal.GuiceFailures;
import dev.retrograd.registry.internal.Origin;
import dev.retrograd.registry.internal.PluginDiscovery;
import dev.retrograd.registry.internal.PluginIndex;
import dev.retrograd.registry.internal.PluginKind;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of plugins: every optimizer, activation, loss and initializer on the class path,
 * by name.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.load();
 * Optimizer adamw = plugins.optimizer("adamw", Hyperparameters.parse("lr=0.003,weight_decay=0.01"));
 * Activation relu = plugins.activation("relu");
 * }</pre>
 *
 * <p>Guice composes it. {@link #load()} finds plugins with {@link java.util.ServiceLoader} (one
 * {@code META-INF/services} file per kind in each plugin jar) and contributes each to its kind's
 * {@code MapBinder<String, …>} under its name; a jar may also ship a {@link PluginModule} that binds
 * more plugins into the same maps. The injector is built once and makes the registry from the
 * bound maps, checking every plugin bound, whoever bound it. Problems fail fast with a message that
 * says what to do: an unknown name lists the available ones, a name provided twice names both
 * classes and their jars, every class that cannot be loaded is named with its cause.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Plugins implements PluginCatalog {

  private static final Logger log = LoggerFactory.getLogger(Plugins.class);

  /** The services files that make a jar a plugin jar: one per plugin kind, and the plugin module's. */
  private static final List<String> SERVICE_FILES = Stream.concat(
      Stream.of(PluginKind.values()).map(kind -> kind.service().getName()),
      Stream.of(PluginModule.class.getName())).map(name -> "META-INF/services/" + name).toList();

  private final Map<String, OptimizerPlugin> optimizers;
  private final Map<String, ActivationPlugin> activations;
  private final Map<String, LossPlugin> losses;
  private final Map<String, InitializerPlugin> initializers;

  /**
   * Checks and indexes what the injector bound: every plugin under each name, from ServiceLoader
   * and from plugin modules alike.
   *
   * @throws PluginException for an impossible shape, a plugin bound under another name than its
   *     own, or a name provided twice
   */
  @Inject
  Plugins(
      Map<String, Set<OptimizerPlugin>> optimizers,
      Map<String, Set<ActivationPlugin>> activations,
      Map<String, Set<LossPlugin>> losses,
      Map<String, Set<InitializerPlugin>> initializers) {
    this.optimizers = PluginIndex.byName(PluginKind.OPTIMIZER, optimizers);
    this.activations = PluginIndex.byName(PluginKind.ACTIVATION, activations);
    this.losses = PluginIndex.byName(PluginKind.LOSS, losses);
    this.initializers = PluginIndex.byName(PluginKind.INITIALIZER, initializers);
  }

  /** Returns the plugins on the class path of the class loader that loaded retrograd. */
  public static Plugins load() {
    return load(Plugins.class.getClassLoader());
  }

  /** Returns the plugins that {@code loader} sees. */
  public static Plugins load(ClassLoader loader) {
    return build(PluginDiscovery.find(loader));
  }

  /**
   * Returns the plugins on the class path plus those in {@code jarsOrFolders}: jar files, or
   * folders whose {@code *.jar} files are all used. A user's plugin jar works without rebuilding
   * retrograd.
   *
   * <p>A jar given by name that declares no plugin (no {@code META-INF/services} file of a plugin
   * kind or of {@link PluginModule}) is still put on the class path, for a plugin that needs it,
   * and logged as a warning.
   *
   * @throws PluginException if a path does not exist, is neither a jar nor a folder, or is named
   *     {@code .jar} but is not a jar (zip) file
   */
  public static Plugins load(List<Path> jarsOrFolders) {
    List<URL> urls = new ArrayList<>();
    for (Path path : jarsOrFolders) {
      for (Path jar : jars(path)) {
        boolean declaresPlugins = declaresPlugins(jar);
        if (!declaresPlugins && !Files.isDirectory(path)) {
          log.warn("{} declares no plugin: it has none of {}. It is on the class path, for the plugins that need it.",
              jar, SERVICE_FILES);
        }
        try {
          urls.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new PluginException("Cannot use plugin jar " + jar + ": " + e.getMessage(), e);
        }
      }
    }
    return load(new URLClassLoader(urls.toArray(URL[]::new), Plugins.class.getClassLoader()));
  }

  private static List<Path> jars(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list plugin folder " + path, e);
      }
    }
    if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
      return List.of(path);
    }
    throw new PluginException("Plugin path " + path + " is neither a .jar file nor a folder"
        + (Files.exists(path) ? "" : " (it does not exist)") + "; give jar files or folders of jars.");
  }

  /**
   * Returns whether {@code jar} lists a plugin kind or a plugin module in {@code META-INF/services}.
   *
   * @throws PluginException if it cannot be opened as a jar, with the reason
   */
  private static boolean declaresPlugins(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return SERVICE_FILES.stream().anyMatch(name -> file.getEntry(name) != null);
    } catch (ZipException e) {
      throw new PluginException("Plugin jar " + jar + " is not a jar (zip) file (" + e.getMessage()
          + "); build it with 'jar cf NAME.jar -C classes .', or remove it.", e);
    } catch (IOException e) {
      throw new PluginException("Cannot read plugin jar " + jar + ": " + e.getMessage(), e);
    }
  }

  /** Returns a registry of exactly {@code plugins}, without looking at the class path; for tests. */
  public static Plugins of(Collection<? extends Plugin<?>> plugins) {
    return build(Discovered.of(plugins));
  }

  /** Builds the injector once, over the discovered plugins and the plugin modules, and gets the registry from it. */
  private static Plugins build(Discovered discovered) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ContributedPlugins(discovered));
    modules.addAll(discovered.modules());
    try {
      return Guice.createInjector(modules).getInstance(Plugins.class);
    } catch (CreationException e) {
      throw GuiceFailures.of(e.getErrorMessages(), e);
    } catch (ProvisionException e) {
      throw GuiceFailures.of(e.getErrorMessages(), e);
    }
  }

  /** Returns the optimizer {@code name} with default hyperparameters. */
  public Optimizer optimizer(String name) {
    return optimizer(name, Hyperparameters.empty());
  }

  /** Returns the optimizer {@code name} configured by {@code hyperparameters}. */
  public Optimizer optimizer(String name, Hyperparameters hyperparameters) {
    return create(PluginKind.OPTIMIZER, optimizers, name, hyperparameters);
  }

  /** Returns the activation {@code name} with default hyperparameters. */
  public Activation activation(String name) {
    return activation(name, Hyperparameters.empty());
  }

  /** Returns the activation {@code name} configured by {@code hyperparameters}. */
  public Activation activation(String name, Hyperparameters hyperparameters) {
    return create(PluginKind.ACTIVATION, activations, name, hyperparameters);
  }

  /** Returns the loss {@code name} with default hyperparameters. */
  public Loss loss(String name) {
    return loss(name, Hyperparameters.empty());
  }

  /** Returns the loss {@code name} configured by {@code hyperparameters}. */
  public Loss loss(String name, Hyperparameters hyperparameters) {
    return create(PluginKind.LOSS, losses, name, hyperparameters);
  }

  /** Returns the initializer {@code name} with default hyperparameters. */
  public Initializer initializer(String name) {
    return initializer(name, Hyperparameters.empty());
  }

  /** Returns the initializer {@code name} configured by {@code hyperparameters}. */
  public Initializer initializer(String name, Hyperparameters hyperparameters) {
    return create(PluginKind.INITIALIZER, initializers, name, hyperparameters);
  }

  /** Returns the optimizer plugins, by name. */
  public List<OptimizerPlugin> optimizers() {
    return List.copyOf(optimizers.values());
  }

  /** Returns the activation plugins, by name. */
  public List<ActivationPlugin> activations() {
    return List.copyOf(activations.values());
  }

  /** Returns the loss plugins, by name. */
  public List<LossPlugin> losses() {
    return List.copyOf(losses.values());
  }

  /** Returns the initializer plugins, by name. */
  public List<InitializerPlugin> initializers() {
    return List.copyOf(initializers.values());
  }

  /**
   * Returns the plugin of {@code kind} ("optimizer", "activation", "loss" or "initializer") called
   * {@code name}.
   *
   * @throws PluginException for an unknown kind or name, listing what exists
   */
  public Plugin<?> plugin(String kind, String name) {
    return switch (kind) {
      case "optimizer" -> find(PluginKind.OPTIMIZER, optimizers, name);
      case "activation" -> find(PluginKind.ACTIVATION, activations, name);
      case "loss" -> find(PluginKind.LOSS, losses, name);
      case "initializer" -> find(PluginKind.INITIALIZER, initializers, name);
      default -> throw new PluginException("Unknown plugin kind '" + kind
          + "'; available: [activation, initializer, loss, optimizer].");
    };
  }

  /**
   * Returns every plugin as a listing: one block per kind, one line per plugin with its
   * description, then one indented line per hyperparameter with its default, range and meaning.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    describe(text, "Optimizers", optimizers);
    describe(text, "Activations", activations);
    describe(text, "Losses", losses);
    describe(text, "Initializers", initializers);
    return text.toString();
  }

  private static void describe(StringBuilder text, String title, Map<String, ? extends Plugin<?>> plugins) {
    text.append(title).append(" (").append(plugins.size()).append(")\n");
    for (Plugin<?> plugin : plugins.values()) {
      text.append(String.format("  %-22s %s%n", plugin.name(), plugin.description()));
      for (Hyperparameter hyperparameter : plugin.hyperparameters()) {
        text.append("      ").append(hyperparameter.describe()).append('\n');
      }
    }
  }

  private static <T, P extends Plugin<T>> T create(
      PluginKind kind, Map<String, P> plugins, String name, Hyperparameters hyperparameters) {
    P plugin = find(kind, plugins, name);
    Hyperparameters resolved = hyperparameters.resolve(plugin);
    T created;
    try {
      created = plugin.create(resolved);
    } catch (PluginException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new PluginException(e.getMessage(), e);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginException(kind.capitalized() + " '" + name + "' (" + Origin.of(plugin.getClass())
          + ") failed in create(" + resolved + "): " + e + ". Fix the plugin or remove its jar.", e);
    }
    if (created == null) {
      throw new PluginException(kind.capitalized() + " '" + name + "' (" + Origin.of(plugin.getClass())
          + ") returned null from create(" + resolved + "); create must return a new " + kind.word()
          + ". Fix the plugin or remove its jar.");
    }
    return created;
  }

  private static <P extends Plugin<?>> P find(PluginKind kind, Map<String, P> plugins, String name) {
    P plugin = plugins.get(name);
    if (plugin == null) {
      throw new PluginException("Unknown " + kind.word() + " '" + name + "'; available: "
          + plugins.keySet() + ".");
    }
    return plugin;
  }

  @Override
  public String toString() {
    return "Plugins" + Map.of("optimizers", optimizers.keySet(), "activations", activations.keySet(),
        "losses", losses.keySet(), "initializers", initializers.keySet());
  }
}
