package dev.retrograd.demo.runfiles;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of a finished run: every bound {@link RunFile} that applies to it, under its file
 * name, in the order bound.
 */
public final class RunFiles {

  private final Map<String, RunFile> files;

  /** Creates the writer of {@code files}, by file name, keeping their order. */
  @Inject
  public RunFiles(Map<String, RunFile> files) {
    this.files = new LinkedHashMap<>(files);
  }

  /** Returns the names of the files bound, in order, whether or not they apply to a given run. */
  public List<String> names() {
    return List.copyOf(files.keySet());
  }

  /**
   * Writes the files that apply to {@code run} into {@code folder}, creating it; returns their paths.
   * <b>One file that fails does not stop the others</b>: each is tried, and then the failures are
   * thrown together.
   *
   * @throws RunFilesException naming every file that could not be written and why, and the files
   *     that were
   */
  public List<Path> write(Path folder, FinishedRun run) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, RunFile> entry : files.entrySet()) {
      if (entry.getValue().appliesTo(run)) {
        Path file = folder.resolve(entry.getKey());
        try {
          entry.getValue().write(run, file);
          written.add(file);
        } catch (IOException | RuntimeException e) {
          failures.add(entry.getKey() + " (" + (e.getMessage() != null ? e.getMessage() : e.toString()) + ")");
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new RunFilesException(written, "Could not write " + String.join(", ", failures) + "; wrote "
          + (written.isEmpty() ? "nothing else" : String.join(", ", written.stream().map(Path::toString).toList())));
    }
    return written;
  }
}
