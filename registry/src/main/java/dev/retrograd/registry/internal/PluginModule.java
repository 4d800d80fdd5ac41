package dev.retrograd.registry.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import java.util.Map;

/**
 * Binds plugins that were already found and checked into one {@link MapBinder} per kind, keyed by
 * name. It does no I/O and takes no decisions, as a Guice module should.
 */
public final class PluginModule extends AbstractModule {

  private final Map<PluginKind, Map<String, Plugin<?>>> plugins;

  /** Creates a module over plugins returned by {@link PluginDiscovery}. */
  public PluginModule(Map<PluginKind, Map<String, Plugin<?>>> plugins) {
    this.plugins = plugins;
  }

  @Override
  protected void configure() {
    bindAll(OptimizerPlugin.class, PluginKind.OPTIMIZER);
    bindAll(ActivationPlugin.class, PluginKind.ACTIVATION);
    bindAll(LossPlugin.class, PluginKind.LOSS);
    bindAll(InitializerPlugin.class, PluginKind.INITIALIZER);
  }

  private <P extends Plugin<?>> void bindAll(Class<P> type, PluginKind kind) {
    MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), String.class, type);
    plugins.get(kind).forEach((name, plugin) -> binder.addBinding(name).toInstance(type.cast(plugin)));
  }
}
