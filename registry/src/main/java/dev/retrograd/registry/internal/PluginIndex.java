package dev.retrograd.registry.internal;

import dev.retrograd.api.Plugin;
import dev.retrograd.api.PluginException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks what the injector bound for one kind and indexes it by name: every plugin has a possible
 * shape and is bound under its own name, and no name is bound twice.
 */
public final class PluginIndex {

  private PluginIndex() {}

  /**
   * Returns the plugins bound in {@code bound}, one per name, sorted by name.
   *
   * @param bound every plugin bound under each name, in the order bound
   * @throws PluginException for the first problem, naming the offending classes and their jars
   */
  public static <P extends Plugin<?>> SortedMap<String, P> byName(PluginKind kind, Map<String, Set<P>> bound) {
    SortedMap<String, P> byName = new TreeMap<>();
    for (Map.Entry<String, Set<P>> entry : bound.entrySet()) {
      for (P plugin : entry.getValue()) {
        PluginShape.check(plugin);
        checkBoundUnderItsName(kind, entry.getKey(), plugin);
      }
      checkProvidedOnce(kind, entry.getKey(), entry.getValue());
      byName.put(entry.getKey(), entry.getValue().iterator().next());
    }
    return Collections.unmodifiableSortedMap(byName);
  }

  private static void checkBoundUnderItsName(PluginKind kind, String key, Plugin<?> plugin) {
    if (!key.equals(plugin.name())) {
      throw new PluginException(kind.capitalized() + " " + Origin.of(plugin.getClass()) + " is bound as '" + key
          + "' but is named '" + plugin.name() + "'. Bind it under its name.");
    }
  }

  private static void checkProvidedOnce(PluginKind kind, String name, Set<? extends Plugin<?>> plugins) {
    if (plugins.size() == 1) {
      return;
    }
    List<String> origins = new ArrayList<>();
    for (Plugin<?> plugin : plugins) {
      origins.add(Origin.of(plugin.getClass()));
    }
    String last = origins.remove(origins.size() - 1);
    boolean twice = plugins.size() == 2;
    throw new PluginException(kind.capitalized() + " name '" + name + "' is provided "
        + (twice ? "twice" : plugins.size() + " times") + ": " + String.join(", ", origins) + " and " + last
        + (twice ? ". Remove one of the jars, or rename one plugin." : ". Keep one of the jars, or rename the plugins."));
  }
}
