package dev.retrograd.demo.graph;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the formats a graph is written in, by name: {@code svg}, {@code png} and {@code dot}. Another
 * module may add a format to the same {@code MapBinder<String, GraphFile>}.
 */
public final class GraphFilesModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, GraphFile> formats = MapBinder.newMapBinder(binder(), String.class, GraphFile.class);
    formats.addBinding("svg").toInstance(GraphFile.SVG);
    formats.addBinding("png").toInstance(GraphFile.PNG);
    formats.addBinding("dot").toInstance(GraphFile.DOT);
    bind(GraphFiles.class);
  }
}
