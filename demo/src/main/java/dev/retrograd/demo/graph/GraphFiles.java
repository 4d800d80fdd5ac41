package dev.retrograd.demo.graph;

import dev.retrograd.autograd.graph.ValueGraph;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a graph in the formats asked for, each as {@code NAME.FORMAT} in a folder: the formats
 * {@link GraphFilesModule} binds, {@code svg}, {@code png} and {@code dot}.
 */
public final class GraphFiles {

  private final Map<String, GraphFile> formats;

  /** Creates the writer of these formats, by name. */
  @Inject
  public GraphFiles(Map<String, GraphFile> formats) {
    this.formats = new LinkedHashMap<>(formats);
  }

  /**
   * Checks format names, such as the {@code --format} option gives them.
   *
   * @throws IllegalArgumentException naming an unknown format and listing the known ones, or if none is given
   */
  public List<String> check(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("No picture format given; choose from " + new TreeSet<>(formats.keySet()) + ".");
    }
    for (String name : names) {
      if (!formats.containsKey(name)) {
        throw new IllegalArgumentException("Unknown picture format '" + name + "'; available: "
            + new TreeSet<>(formats.keySet()) + ".");
      }
    }
    return List.copyOf(new LinkedHashSet<>(names));
  }

  /**
   * Writes {@code graph} into {@code folder} (created if needed) as {@code name.svg}, {@code name.png},
   * … for each format of {@code names}, in their order, and returns the files.
   *
   * @throws IllegalArgumentException for an unknown format, before writing anything
   */
  public List<Path> write(ValueGraph graph, Path folder, String name, List<String> names) throws IOException {
    List<String> chosen = check(names);
    Files.createDirectories(folder);
    GraphPicture picture = GraphPicture.of(graph);
    List<Path> written = new ArrayList<>();
    for (String format : chosen) {
      Path file = folder.resolve(name + "." + format);
      formats.get(format).write(picture, file);
      written.add(file);
    }
    return written;
  }
}
