package dev.retrograd.registry;

import dev.retrograd.api.TestPlugins;

/** Plugin modules for the registry's tests, found by ServiceLoader through a services file written at test time. */
public final class TestModules {

  private TestModules() {}

  /** Binds an optimizer instance and an activation class, each under its own name. */
  public static final class BindsPlainSgdAndIdentity extends PluginModule {
    @Override
    protected void configure() {
      optimizers().addBinding("plain_sgd").toInstance(new TestPlugins.PlainSgd());
      activations().addBinding("identity").to(TestPlugins.Identity.class);
    }
  }

  /** Binds an optimizer under a name that is not its own. */
  public static final class BindsUnderAnotherName extends PluginModule {
    @Override
    protected void configure() {
      optimizers().addBinding("sgd").toInstance(new TestPlugins.PlainSgd());
    }
  }

  /** Binds a class that Guice cannot construct. */
  public static final class BindsAnUnconstructibleClass extends PluginModule {
    @Override
    protected void configure() {
      losses().addBinding("shaped").to(TestPlugins.Shaped.class);
    }
  }

  /** Binds a class whose constructor fails. */
  public static final class BindsAClassThatFailsToConstruct extends PluginModule {
    @Override
    protected void configure() {
      optimizers().addBinding("unlicensed").to(Unlicensed.class);
    }
  }

  /** An optimizer that cannot be constructed. */
  public static final class Unlicensed extends TestPlugins.PlainSgd {
    public Unlicensed() {
      throw new IllegalStateException("no licence key");
    }
  }
}
