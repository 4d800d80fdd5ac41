package dev.retrograd.registry.internal;

import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import dev.retrograd.registry.PluginModule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins and plugin modules with {@link ServiceLoader}, before anything is bound.
 *
 * <p>Every provider is tried, so one broken jar does not hide the others; then every class that
 * failed to load or construct is reported at once, with its cause. Shapes and names are checked
 * later, on what the injector bound, so that plugins bound by plugin modules are checked too.
 */
public final class PluginDiscovery {

  private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

  private PluginDiscovery() {}

  /**
   * Returns the plugins of every kind and the plugin modules that {@code loader} sees.
   *
   * @throws PluginException listing every provider that could not be loaded, with its cause
   */
  public static Discovered find(ClassLoader loader) {
    List<String> failures = new ArrayList<>();
    Map<PluginKind, List<Plugin<?>>> plugins = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      List<Plugin<?>> found = new ArrayList<>(load(kind.service(), loader, failures));
      found.forEach(plugin -> log.debug("Found {} plugin {}", kind.word(), Origin.of(plugin.getClass())));
      plugins.put(kind, found);
    }
    List<PluginModule> modules = load(PluginModule.class, loader, failures);
    modules.forEach(module -> log.debug("Found plugin module {}", Origin.of(module.getClass())));
    if (!failures.isEmpty()) {
      throw new PluginException("Some plugins could not be loaded:\n  " + String.join("\n  ", failures)
          + "\nFix or remove the jars that hold them.");
    }
    return new Discovered(plugins, modules);
  }

  /** Returns the providers of {@code service} that load, adding a line to {@code failures} for each that does not. */
  private static <S> List<S> load(Class<S> service, ClassLoader loader, List<String> failures) {
    List<S> found = new ArrayList<>();
    Iterator<S> providers = ServiceLoader.load(service, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          return found;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError e) {
        failures.add(describe(e));
      }
    }
  }

  private static String describe(ServiceConfigurationError error) {
    Throwable cause = error.getCause();
    return error.getMessage() + (cause == null ? "" : ": " + cause);
  }
}
