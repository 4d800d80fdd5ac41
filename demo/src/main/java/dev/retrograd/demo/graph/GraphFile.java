package dev.retrograd.demo.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One format a graph is written in, bound under its name (and file extension) by
 * {@link GraphFilesModule}:
 *
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, GraphFile.class).addBinding("svg").toInstance(GraphFile.SVG);
 * }</pre>
 */
@FunctionalInterface
public interface GraphFile {

  /** The DOT text, for Graphviz to re-render. */
  GraphFile DOT = (picture, file) -> Files.writeString(file, picture.graph().toDot(), StandardCharsets.UTF_8);

  /** The SVG document, for a browser. */
  GraphFile SVG = (picture, file) -> Files.writeString(file, picture.svg(), StandardCharsets.UTF_8);

  /** The PNG image, for an image viewer. */
  GraphFile PNG = (picture, file) -> {
    if (!ImageIO.write(picture.png(), "png", file.toFile())) {
      throw new IOException("Java has no PNG writer; cannot write " + file);
    }
  };

  /** Writes {@code picture} (or its graph) at {@code file}, whose folder exists. */
  void write(GraphPicture picture, Path file) throws IOException;
}
