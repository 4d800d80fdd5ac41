package dev.retrograd.demo.runfiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One file a training run leaves in its output folder, bound under its file name by
 * {@link RunFilesModule}:
 *
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, RunFile.class)
 *     .addBinding("loss.png").toInstance(new LossCurves());
 * }</pre>
 */
public interface RunFile {

  /** Returns whether {@code run} gets this file; every run does unless a writer says otherwise. */
  default boolean appliesTo(FinishedRun run) {
    return true;
  }

  /** Writes the file for {@code run} at {@code file}, whose folder exists. */
  void write(FinishedRun run, Path file) throws IOException;
}
