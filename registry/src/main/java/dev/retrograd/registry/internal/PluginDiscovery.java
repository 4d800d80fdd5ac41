package dev.retrograd.registry.internal;

import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins with {@link ServiceLoader} and checks them, before anything is bound.
 *
 * <p>Every provider is tried, so one broken jar does not hide the others; then all problems are
 * reported at once: classes that failed to load or construct (with their cause), impossible
 * shapes, and names provided twice (with both classes and their jars).
 */
public final class PluginDiscovery {

  private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

  private PluginDiscovery() {}

  /** Returns the plugins of every kind that {@code loader} sees, by kind and then by name. */
  public static Map<PluginKind, Map<String, Plugin<?>>> find(ClassLoader loader) {
    List<Plugin<?>> found = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      Iterator<? extends Plugin<?>> providers = ServiceLoader.load(kind.service(), loader).iterator();
      while (true) {
        try {
          if (!providers.hasNext()) {
            break;
          }
          Plugin<?> plugin = providers.next();
          log.debug("Found {} plugin {}", kind.word(), Origin.of(plugin.getClass()));
          found.add(plugin);
        } catch (ServiceConfigurationError e) {
          failures.add(describe(e));
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new PluginException("Some plugins could not be loaded:\n  " + String.join("\n  ", failures)
          + "\nFix or remove the jars that hold them.");
    }
    return index(found);
  }

  /**
   * Returns {@code plugins} by kind and then by name, after checking their shapes and that no
   * name is provided twice within a kind.
   *
   * @throws PluginException naming the offending classes and their jars
   */
  public static Map<PluginKind, Map<String, Plugin<?>>> index(Collection<? extends Plugin<?>> plugins) {
    Map<PluginKind, Map<String, Plugin<?>>> byKind = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      byKind.put(kind, new LinkedHashMap<>());
    }
    for (Plugin<?> plugin : plugins) {
      PluginShape.check(plugin);
      PluginKind kind = PluginKind.of(plugin);
      Plugin<?> earlier = byKind.get(kind).putIfAbsent(plugin.name(), plugin);
      if (earlier != null) {
        throw new PluginException(kind.capitalized() + " name '" + plugin.name() + "' is provided twice: "
            + Origin.of(earlier.getClass()) + " and " + Origin.of(plugin.getClass())
            + ". Remove one of the jars, or rename one plugin.");
      }
    }
    return byKind;
  }

  private static String describe(ServiceConfigurationError error) {
    Throwable cause = error.getCause();
    return error.getMessage() + (cause == null ? "" : ": " + cause);
  }
}
