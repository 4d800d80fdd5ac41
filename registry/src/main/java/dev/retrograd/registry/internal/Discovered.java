package dev.retrograd.registry.internal;

import dev.retrograd.api.Plugin;
import dev.retrograd.registry.PluginModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What was found before anything is bound: plugin instances by kind, in the order found, and the
 * plugin modules that bind more.
 *
 * @param plugins the plugins of each kind; every kind is present
 * @param modules the plugin modules, in the order found
 */
public record Discovered(Map<PluginKind, List<Plugin<?>>> plugins, List<PluginModule> modules) {

  /** Copies both collections. */
  public Discovered {
    Map<PluginKind, List<Plugin<?>>> byKind = new EnumMap<>(PluginKind.class);
    plugins.forEach((kind, found) -> byKind.put(kind, List.copyOf(found)));
    plugins = Collections.unmodifiableMap(byKind);
    modules = List.copyOf(modules);
  }

  /** Returns {@code plugins} grouped by kind, without modules. */
  public static Discovered of(Collection<? extends Plugin<?>> plugins) {
    Map<PluginKind, List<Plugin<?>>> byKind = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    for (Plugin<?> plugin : plugins) {
      byKind.get(PluginKind.of(plugin)).add(plugin);
    }
    return new Discovered(byKind, List.of());
  }

  /** Returns the plugins of {@code kind}, in the order found. */
  public List<Plugin<?>> plugins(PluginKind kind) {
    return plugins.get(kind);
  }
}
