package dev.retrograd.demo.runfiles;

import dev.retrograd.train.EpochMetrics;
import dev.retrograd.train.TrainingListener;
import dev.retrograd.train.TrainingPlan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a run's {@code metrics.csv} as the run goes: one row appended and flushed after every
 * epoch, so a run that is stopped or killed keeps the rows of the epochs it completed.
 *
 * <p><b>A resumed run continues the file, it never rewrites its history.</b> Resumed after epoch
 * c, it keeps the rows up to epoch c and appends from c + 1. When the file disagrees with the
 * checkpoint it says how, to the notes it was given, and mends what it can: rows past epoch c (a file
 * that went on after the checkpoint it resumes from) are dropped, since the resumed run trains
 * those epochs again; missing rows up to epoch c (a run killed between its checkpoint and its row)
 * stay missing, a gap in the history; a last line cut off mid-write is dropped. A run resumed into
 * another folder starts its file with the rows of the {@code metrics.csv} beside its checkpoint.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {

  private final Path file;
  private final MetricsCsv format;
  private final Path besideCheckpoint;
  private final Consumer<String> notes;
  private BufferedWriter writer;

  private MetricsLog(Path file, MetricsCsv format, Path besideCheckpoint, Consumer<String> notes) {
    this.file = file;
    this.format = format;
    this.besideCheckpoint = besideCheckpoint;
    this.notes = notes;
  }

  /** Starts the file of a new run; {@code file} is created, or replaced, when the first epoch ends. */
  public static MetricsLog forNewRun(Path file, MetricsCsv format) {
    return new MetricsLog(file, format, null, note -> { });
  }

  /**
   * Continues the file of a resumed run, as the class comment says, once the trainer has accepted
   * the checkpoint ({@link #onStart}): the file is not touched when the resume is refused.
   *
   * @param file the run folder's {@code metrics.csv}
   * @param besideCheckpoint the {@code metrics.csv} in the checkpoint's folder, the same file or another
   * @param notes told what the file held and what was done about it, one sentence each
   */
  public static MetricsLog forResumedRun(Path file, MetricsCsv format, Path besideCheckpoint,
      Consumer<String> notes) {
    return new MetricsLog(file, format, besideCheckpoint, notes);
  }

  /**
   * For a resumed run, brings the file in line with the checkpoint, whose epoch is the one before
   * the plan's first.
   *
   * @throws UncheckedIOException if a file cannot be read or written
   * @throws IllegalArgumentException if a file is not a metrics.csv of a run, naming the line
   */
  @Override
  public void onStart(TrainingPlan plan) {
    if (besideCheckpoint == null) {
      return;
    }
    try {
      continueAfter(plan.firstEpoch() - 1).forEach(notes);
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot continue " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites the file, if needed, to hold the rows up to {@code checkpointEpoch}; returns what it did. */
  private List<String> continueAfter(int checkpointEpoch) throws IOException {
    List<String> notes = new ArrayList<>();
    Path source = Files.exists(file) ? file : Files.exists(besideCheckpoint) ? besideCheckpoint : null;
    if (source == null) {
      notes.add("no " + MetricsCsv.FILE_NAME + " beside the checkpoint; " + file + " starts at epoch "
          + (checkpointEpoch + 1));
      replace(file, format.header() + "\n");
      return notes;
    }
    MetricsTable read = MetricsTable.parse(Files.readString(source, StandardCharsets.UTF_8), source.toString());
    MetricsTable kept = read.upTo(checkpointEpoch);
    if (read.lastLineCut()) {
      notes.add(source + ": its last line was cut off mid-write; dropped it");
    }
    if (read.lastEpoch() > checkpointEpoch) {
      notes.add(source + " went on to epoch " + read.lastEpoch() + ", past the checkpoint's epoch " + checkpointEpoch
          + ": dropped " + span(Math.max(checkpointEpoch + 1, kept.lastEpoch() + 1), read.lastEpoch())
          + ", which this run trains again");
    }
    if (kept.lastEpoch() < checkpointEpoch) {
      notes.add(source + (kept.lastEpoch() == 0 ? " has no epoch" : " ends at epoch " + kept.lastEpoch())
          + " but the checkpoint is at epoch " + checkpointEpoch + ": it has no row for "
          + span(kept.lastEpoch() + 1, checkpointEpoch) + ", a gap in the history");
    }
    if (!source.equals(file)) {
      notes.add(file + " starts with " + (kept.rows().isEmpty() ? "no epoch" : span(kept.firstEpoch(),
          kept.lastEpoch())) + " of " + source);
    } else if (notes.isEmpty()) {
      notes.add(file + " continues after epoch " + checkpointEpoch);
    }
    if (!read.columns().equals(format.columns())) {
      notes.add(source + " had other columns; rewrote its rows under this run's columns, by name");
    }
    boolean unchanged = source.equals(file) && read.equals(kept) && read.columns().equals(format.columns());
    if (!unchanged) {
      replace(file, kept.text(format.columns()));
    }
    return notes;
  }

  private static String span(int from, int to) {
    return from == to ? "epoch " + from : "epochs " + from + " to " + to;
  }

  /** Replaces {@code file} with {@code text} through a temporary file renamed into place. */
  private static void replace(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /**
   * Appends the epoch's row and flushes it.
   *
   * @throws UncheckedIOException if the file cannot be written, which stops the run
   */
  @Override
  public void onEpochEnd(EpochMetrics metrics) {
    try {
      if (writer == null) {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write(format.header());
        writer.write('\n');
      }
      writer.write(format.row(metrics));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append epoch " + metrics.epoch() + " to " + file + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Returns every epoch the file holds, this run's and, for a resumed run, the earlier ones: what
   * the plots show. Empty if the file does not exist.
   *
   * @throws IOException if the file cannot be read
   */
  public List<EpochMetrics> history() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (!Files.exists(file)) {
      return List.of();
    }
    return MetricsCsv.read(MetricsTable.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
