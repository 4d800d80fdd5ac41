package dev.retrograd.registry.internal;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.retrograd.api.Plugin;

/**
 * The registry's four maps of plugins by name, one {@link MapBinder} per kind, to which discovered
 * plugins and plugin modules contribute.
 *
 * <p><b>Duplicates are permitted here</b> so that a name bound twice reaches the registry, which
 * names both classes and their jars, instead of failing with Guice's own message.
 */
public final class PluginMaps {

  private PluginMaps() {}

  /** Returns the map binder of plugins of {@code type} by name, within {@code binder}. */
  public static <P extends Plugin<?>> MapBinder<String, P> of(Binder binder, Class<P> type) {
    MapBinder<String, P> byName = MapBinder.newMapBinder(binder, String.class, type);
    byName.permitDuplicates();
    return byName;
  }
}
