package dev.retrograd.registry.internal;

import com.google.inject.spi.ElementSource;
import com.google.inject.spi.InjectionPoint;
import com.google.inject.spi.Message;
import dev.retrograd.api.PluginException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the errors of building the registry's injector, which come from plugin modules' bindings,
 * into one {@link PluginException} that says what failed, where, and what to do.
 */
public final class GuiceFailures {

  private GuiceFailures() {}

  /**
   * Returns the registry's own {@link PluginException} if that is what failed; otherwise one that
   * lists each of Guice's errors on a line: a class that failed to construct with its jar and cause,
   * or a binding Guice cannot use with the module line that made it.
   */
  public static PluginException of(Collection<Message> errors, RuntimeException failure) {
    List<String> lines = new ArrayList<>();
    for (Message error : errors) {
      if (error.getCause() instanceof PluginException registryFailure) {
        return registryFailure;
      }
      lines.add(error.getCause() != null ? constructionFailure(error) : bindingFailure(error));
    }
    return new PluginException("Some plugin modules' bindings could not be used:\n  " + String.join("\n  ", lines)
        + "\nFix or remove the jars that hold them.", failure);
  }

  private static String constructionFailure(Message error) {
    Class<?> failed = null;
    for (Object source : error.getSources()) {
      if (source instanceof InjectionPoint point) {
        failed = point.getMember().getDeclaringClass();
      }
    }
    return (failed == null ? "A plugin" : Origin.of(failed)) + " could not be constructed: " + error.getCause();
  }

  private static String bindingFailure(Message error) {
    String message = error.getMessage();
    StringBuilder line = new StringBuilder(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
    for (Object source : error.getSources()) {
      if (source instanceof ElementSource binding) {
        return line.append(" (bound at ").append(binding.getDeclaringSource()).append(')').toString();
      }
    }
    return line.toString();
  }
}
