package dev.retrograd.demo;

import com.google.inject.Injector;
import com.google.inject.Key;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Makes what picocli asks for with the injector, so that commands and their option mixins get their
 * bindings. Classes the injector does not bind (picocli's own help command, completion candidates)
 * are made by picocli's default factory, never as Guice just-in-time bindings.
 */
final class InjectorFactory implements IFactory {

  private final Injector injector;
  private final IFactory fallback = CommandLine.defaultFactory();

  InjectorFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Key<K> key = Key.get(type);
    return injector.getExistingBinding(key) != null ? injector.getInstance(key) : fallback.create(type);
  }
}
