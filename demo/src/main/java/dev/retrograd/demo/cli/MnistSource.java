package dev.retrograd.demo.cli;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.MnistFolder;
import dev.retrograd.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST or Fashion-MNIST from a folder of its four IDX files: {@code --data-dir}, or the folder a
 * package puts them in. The test set is the official one; {@link #load} gives the training set.
 */
final class MnistSource implements DataSource {

  private final MnistFolder folder;

  MnistSource(MnistFolder folder) {
    this.folder = folder;
  }

  @Override
  public Dataset load(DataSettings settings) throws IOException {
    return split(settings, 0).train();
  }

  @Override
  public Split split(DataSettings settings, double testFraction) throws IOException {
    Path where = settings.dataDir() != null ? settings.dataDir() : folder.defaultFolder().orElseThrow(() ->
        new IllegalArgumentException("--dataset " + folder.name() + " needs --data-dir DIR, a folder holding "
            + String.join(", ", MnistFolder.FILES) + " (raw or .gz); " + folder.howToGet() + " with --data-dir."));
    List<String> missing = folder.missing(where);
    if (!missing.isEmpty()) {
      throw new IOException(describe() + " is not in " + where + (settings.dataDir() == null ? ", where --dataset "
          + folder.name() + " looks for it" : "") + ": " + String.join(", ", missing) + (missing.size() == 1 ? " is"
          : " are") + " missing (raw or .gz); " + folder.howToGet() + " with --data-dir DIR.");
    }
    return folder.load(where, settings.limit());
  }

  @Override
  public boolean hasOwnTestSet() {
    return true;
  }

  private String describe() {
    return folder == MnistFolder.FASHION ? "Fashion-MNIST" : "MNIST";
  }
}
