package dev.retrograd.registry.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.api.Plugin;
import java.util.Objects;

/**
 * Declares the four maps of plugins by name and contributes to them the plugin instances that
 * ServiceLoader found, each under its own name. Plugin modules contribute to the same maps; the
 * registry checks everything bound once the injector is built.
 *
 * <p>It does no I/O and takes no decisions, as a Guice module should.
 */
public final class ContributedPlugins extends AbstractModule {

  private final Discovered discovered;

  /** Creates the module over discovered plugin instances. */
  public ContributedPlugins(Discovered discovered) {
    this.discovered = discovered;
  }

  @Override
  protected void configure() {
    contribute(PluginKind.OPTIMIZER, OptimizerPlugin.class);
    contribute(PluginKind.ACTIVATION, ActivationPlugin.class);
    contribute(PluginKind.LOSS, LossPlugin.class);
    contribute(PluginKind.INITIALIZER, InitializerPlugin.class);
  }

  private <P extends Plugin<?>> void contribute(PluginKind kind, Class<P> type) {
    MapBinder<String, P> byName = PluginMaps.of(binder(), type);
    for (Plugin<?> plugin : discovered.plugins(kind)) {
      byName.addBinding(keyOf(plugin)).toInstance(type.cast(plugin));
    }
  }

  /** A plugin without a name is bound under "" so that the shape check, not Guice, reports it. */
  private static String keyOf(Plugin<?> plugin) {
    return Objects.requireNonNullElse(plugin.name(), "");
  }
}
