package dev.retrograd.readme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A fenced block of code from the README, found by the HTML comment {@code <!-- snippet: NAME -->}
 * right above it, so that tests can compile and run it and the README cannot rot.
 *
 * <p>{@link #run()} treats a block of statements as the body of a {@code main} method (its
 * {@code import} lines stay imports); {@link #code()} returns a block as written, such as a whole
 * class.
 */
final class ReadmeSnippet {

  private final String name;
  private final List<String> lines = new ArrayList<>();
  private final List<String> imports = new ArrayList<>();
  private final List<String> body = new ArrayList<>();

  private ReadmeSnippet(String name) {
    this.name = name;
  }

  /** Reads the snippet called {@code name} from the README at the root of the repository. */
  static ReadmeSnippet named(String name) throws IOException {
    Path readme = Path.of("..", "README.md");
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    int marker = lines.indexOf("<!-- snippet: " + name + " -->");
    if (marker < 0 || marker + 1 >= lines.size() || !lines.get(marker + 1).startsWith("```")) {
      throw new AssertionError("README.md has no ``` block under <!-- snippet: " + name + " -->");
    }
    ReadmeSnippet snippet = new ReadmeSnippet(name);
    for (int i = marker + 2; !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i);
      snippet.lines.add(line);
      (line.startsWith("import ") ? snippet.imports : snippet.body).add(line);
    }
    return snippet;
  }

  /**
   * Returns this snippet with {@code text} replaced by {@code replacement} in its statements, such as
   * a file name the README shows by a path a test wrote.
   */
  ReadmeSnippet replacing(String text, String replacement) {
    ReadmeSnippet changed = new ReadmeSnippet(name);
    changed.lines.addAll(lines);
    changed.imports.addAll(imports);
    body.forEach(line -> changed.body.add(line.replace(text, replacement)));
    return changed;
  }

  /** Returns the block as written, one line per line. */
  String code() {
    return String.join("\n", lines) + "\n";
  }

  /** Compiles the snippet as the body of a main method, runs it and returns what it printed. */
  String run() throws Exception {
    Path dir = Files.createTempDirectory("readme-snippet");
    String className = "Snippet_" + name.replaceAll("\\W", "_");
    Path source = dir.resolve(className + ".java");
    Files.writeString(source, String.join("\n", imports) + "\n\npublic class " + className
        + " {\n  public static void main(String[] args) throws Exception {\n" + String.join("\n", body)
        + "\n  }\n}\n");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = compiler.run(null, null, errors, "-d", dir.toString(),
        "-cp", System.getProperty("java.class.path"), source.toString());
    if (status != 0) {
      throw new AssertionError("README snippet '" + name + "' does not compile:\n" + errors);
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
