package dev.retrograd.registry.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where a class came from, for messages: {@code com.a.Adam (a.jar)}. */
public final class Origin {

  private Origin() {}

  /** Returns the class name followed by the jar file name (or class folder) it was loaded from. */
  public static String of(Class<?> type) {
    return type.getName() + " (" + location(type) + ")";
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown location";
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return path.toString().endsWith(".jar") ? path.getFileName().toString() : path.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
