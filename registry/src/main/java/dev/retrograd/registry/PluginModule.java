package dev.retrograd.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.retrograd.api.ActivationPlugin;
import dev.retrograd.api.InitializerPlugin;
import dev.retrograd.api.LossPlugin;
import dev.retrograd.api.OptimizerPlugin;
import dev.retrograd.registry.internal.PluginMaps;

/**
 * A Guice module that a plugin jar may ship to bind plugins itself, next to (or instead of) its
 * {@code META-INF/services} lines: for a plugin that takes constructor arguments or injected
 * dependencies, or one class offered under several names.
 *
 * <pre>{@code
 * public final class SlowSgdModule extends PluginModule {
 *   @Override
 *   protected void configure() {
 *     optimizers().addBinding("slow_sgd").toInstance(new ScaledSgd("slow_sgd", 0.001));
 *     activations().addBinding("swish").to(Swish.class);
 *   }
 * }
 * }</pre>
 *
 * <p>It is found with {@link java.util.ServiceLoader} like a plugin, by one line in
 * {@code META-INF/services/dev.retrograd.registry.PluginModule}:
 *
 * <pre>
 * com.example.SlowSgdModule
 * </pre>
 *
 * <p>Its bindings go into the same {@link MapBinder}s as the plugins that ServiceLoader finds, and
 * the registry checks them the same way: shapes, a name provided twice (both classes and their jars
 * are named).
 * <b>Bind each plugin under its own {@code name()}.</b>
 * <b>The default constructor must be public</b>, and {@link #configure()} fast and free of side
 * effects: bind, do not compute.
 */
public abstract class PluginModule extends AbstractModule {

  /** Returns the optimizer plugins by name, to add bindings to. */
  protected final MapBinder<String, OptimizerPlugin> optimizers() {
    return PluginMaps.of(binder(), OptimizerPlugin.class);
  }

  /** Returns the activation plugins by name, to add bindings to. */
  protected final MapBinder<String, ActivationPlugin> activations() {
    return PluginMaps.of(binder(), ActivationPlugin.class);
  }

  /** Returns the loss plugins by name, to add bindings to. */
  protected final MapBinder<String, LossPlugin> losses() {
    return PluginMaps.of(binder(), LossPlugin.class);
  }

  /** Returns the initializer plugins by name, to add bindings to. */
  protected final MapBinder<String, InitializerPlugin> initializers() {
    return PluginMaps.of(binder(), InitializerPlugin.class);
  }
}
