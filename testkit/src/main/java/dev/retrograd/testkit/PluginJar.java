package dev.retrograd.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar at test time from Java sources: compiles them against the running class
 * path and writes the classes and {@code META-INF/services} lines into a jar, ready for
 * {@code Plugins.load(List.of(jar))}.
 *
 * <pre>{@code
 * Path jar = new PluginJar()
 *     .source("com.example.SignDescent", code)
 *     .service(OptimizerPlugin.class, "com.example.SignDescent")
 *     .writeTo(dir.resolve("sign-descent.jar"));
 * }</pre>
 */
public final class PluginJar {

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();

  /** Adds a source file for the public class {@code className} (fully qualified). */
  public PluginJar source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Lists {@code className} in {@code META-INF/services/<service's name>}. */
  public PluginJar service(Class<?> service, String className) {
    services.computeIfAbsent(service.getName(), key -> new ArrayList<>()).add(className);
    return this;
  }

  /** Compiles the sources and writes the jar at {@code jar}. */
  public Path writeTo(Path jar) throws IOException {
    Path classes = Files.createTempDirectory("plugin-classes");
    if (!sources.isEmpty()) {
      compile(classes);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
      for (var entry : services.entrySet()) {
        put(out, "META-INF/services/" + entry.getKey(),
            (String.join("\n", entry.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private void compile(Path classes) throws IOException {
    Path src = Files.createTempDirectory("plugin-sources");
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
        "-cp", System.getProperty("java.class.path")));
    for (var entry : sources.entrySet()) {
      Path file = src.resolve(entry.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (compiler.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
      throw new AssertionError("plugin sources do not compile:\n" + errors);
    }
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}
