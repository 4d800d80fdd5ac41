package dev.retrograd.train;

import dev.retrograd.data.Dataset;
import dev.retrograd.data.TargetEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a training run after a completed epoch, in a data-only text format that a person
 * can read: enough to continue the run exactly where it stopped, and enough to prove that it is
 * intact and belongs to the run that resumes it.
 *
 * <p>The format is a header line {@code retrograd-checkpoint 3}, then one {@code key value} entry
 * per line, then a {@code checksum} line and a closing {@code end} line (a file without it was cut
 * off). Lines starting with {@code #} are comments. Numbers are written by
 * {@link Double#toString(double)}, which reads back exactly.
 *
 * <pre>
 * retrograd-checkpoint 3
 * architecture 2 -&gt; 3 tanh -&gt; 1 identity       the run's identity, one entry per {@link RunIdentity} field
 * optimizer sgd
 * optimizer_hyperparameters lr=0.1,momentum=0.9,dampening=0.0,nesterov=false,weight_decay=0.0
 * loss mse
 * loss_hyperparameters
 * task regression
 * schedule step:step_size=2,gamma=0.5
 * clipping norm:max_norm=1.0
 * l2 0.0
 * batch_size 4
 * validation_fraction 0.25
 * seed 7
 * examples 40
 * data_set wave
 * data inputs:3f5c…e1 targets:a9d0…47         the {@link DataFingerprint} of the rows trained on
 * feature_names 1 x                         what prediction needs: the {@link DataSchema}
 * feature_mean 1 0.52
 * feature_std 1 0.29
 * target_name y
 * class_names 0
 * target_mean 1 3.1
 * target_std 1 0.7
 * epoch 3                                   epochs completed, and the schedule's position
 * random_state -5340545383940234383         the shuffling generator's state ({@link SplitMix64})
 * param layer1.weight[0][0] 0.4236547993389047
 * buffer layer1.running_mean 2 0.1 -0.25     name, count, values
 * optimizer_state step 1 30.0
 * optimizer_state momentum_buffer 13 …
 * best_epoch 2                              with early stopping: the best epoch so far, its loss,
 * best_validation_loss 0.031                and its weights when they are not this epoch's
 * best_param layer1.weight[0][0] 0.41
 * checksum sha256:9b1c…04                    SHA-256 of every byte before this line
 * end
 * </pre>
 *
 * <p><b>A checkpoint proves what it is.</b> {@link #read} recomputes the checksum, the SHA-256 of
 * the file's bytes from its first up to the {@code checksum} line (so {@code sed '/^checksum /,$d'
 * checkpoint.txt | sha256sum} shows it too), and refuses a file whose content does not match: one
 * changed digit of a parameter, of the random state, of the optimizer state or of the epoch. It
 * guards against damage and careless edits, not against someone who recomputes it. A parameter
 * that is NaN or infinite is refused too, at write and at read. Files of format 2, written
 * before the data schema, are read too: they resume, but {@link #schema()} is empty, so they
 * cannot score raw rows. Files of format 1, which carry no
 * checksum and no data fingerprint, are refused with a line saying why.
 *
 * <p>{@link #write} writes to a temporary file in the same folder and renames it into place
 * atomically, so a program killed at any moment leaves the previous checkpoint whole. (It does not
 * force the file to the disk, which would cost 10 ms or more per epoch: after a power cut the file
 * system may hold a damaged file, which the checksum then refuses.) Its
 * temporary files are named {@code checkpoint.txt.PID.RANDOM.tmp}; a write deletes those of the same
 * checkpoint left by processes that no longer run (a JVM killed mid-write), so they do not pile up.
 * {@link #read} refuses a file that is not a checkpoint, is truncated or holds an unreadable entry,
 * naming the line. Instances are immutable.
 */
public final class Checkpoint {

  /** The format version this class writes and reads. */
  public static final int FORMAT_VERSION = 3;

  /** The first line of every checkpoint. */
  public static final String HEADER = "retrograd-checkpoint " + FORMAT_VERSION;

  /** What the first line of a checkpoint of any version starts with. */
  private static final String HEADER_PREFIX = "retrograd-checkpoint ";

  /** The first line of the format before the data schema, still read: it resumes, but cannot predict. */
  private static final String FORMAT_2 = "retrograd-checkpoint 2";

  /** The first line of the format before checksums and data fingerprints. */
  private static final String FORMAT_1 = "retrograd-checkpoint 1";

  /** The key of the number of epochs completed, after the run's identity. */
  private static final String EPOCH = "epoch";

  /** The key of the shuffling generator's state, after the epoch. */
  private static final String RANDOM_STATE = "random_state";

  /** The keys of the model's parameters, its buffers and the optimizer's state buffers. */
  private static final String PARAMETER = "param";
  private static final String BUFFER = "buffer";
  private static final String OPTIMIZER_STATE = "optimizer_state";

  /** The keys of early stopping's best epoch, its validation loss, and its parameters and buffers. */
  private static final String BEST_EPOCH = "best_epoch";
  private static final String BEST_VALIDATION_LOSS = "best_validation_loss";
  private static final String BEST_PARAMETER = "best_param";
  private static final String BEST_BUFFER = "best_buffer";

  /** The key of the checksum, the last entry, and how its value starts. */
  private static final String CHECKSUM = "checksum";
  private static final String SHA256 = "sha256:";
  private static final String END = "end";

  /** What a temporary file's name ends with, after the checkpoint's name, a process id and a random part. */
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);

  private final String source;
  private final RunIdentity identity;
  private final int epoch;
  private final long randomState;
  private final Map<String, Double> parameters;
  private final Map<String, double[]> buffers;
  private final Map<String, double[]> optimizerState;
  private final DataSchema schema;
  private BestEpoch best;

  private Checkpoint(String source, RunIdentity identity, int epoch, long randomState, Map<String, Double> parameters,
      Map<String, double[]> buffers, Map<String, double[]> optimizerState, DataSchema schema) {
    this.source = source;
    this.schema = schema;
    this.identity = identity;
    this.epoch = epoch;
    this.randomState = randomState;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.buffers = copy(buffers);
    this.optimizerState = copy(optimizerState);
  }

  /**
   * Returns a checkpoint of these parts.
   *
   * @param identity the run's identity
   * @param epoch the epochs completed, ≥ 0
   * @param randomState the state of the shuffling generator after them
   * @throws IllegalArgumentException if the epoch is negative, a name is empty or holds whitespace,
   *     or a parameter is NaN or infinite
   */
  static Checkpoint of(RunIdentity identity, int epoch, long randomState, Map<String, Double> parameters,
      Map<String, double[]> buffers, Map<String, double[]> optimizerState) {
    return of(identity, epoch, randomState, parameters, buffers, optimizerState, null);
  }

  /**
   * Returns a checkpoint of these parts with the {@link DataSchema} prediction needs (null for none).
   *
   * @throws IllegalArgumentException as {@link #of(RunIdentity, int, long, Map, Map, Map)}, or for a
   *     schema of another task than the identity's
   */
  static Checkpoint of(RunIdentity identity, int epoch, long randomState, Map<String, Double> parameters,
      Map<String, double[]> buffers, Map<String, double[]> optimizerState, DataSchema schema) {
    Objects.requireNonNull(identity, "identity");
    if (schema != null && schema.task() != identity.task()) {
      throw new IllegalArgumentException("the schema's task " + schema.task() + " is not the run's " + identity.task());
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("a checkpoint's epoch must be >= 0, was " + epoch);
    }
    for (Map<String, ?> names : List.of(parameters, buffers, optimizerState)) {
      for (String name : names.keySet()) {
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(
              "checkpoint names must be non-empty and without whitespace, got '" + name + "'");
        }
      }
    }
    parameters.forEach((name, value) -> {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(nonFinite(name, value));
      }
    });
    return new Checkpoint("checkpoint", identity, epoch, randomState, parameters, buffers, optimizerState, schema);
  }

  private static String nonFinite(String parameter, double value) {
    return "parameter '" + parameter + "' is " + value + "; a checkpoint holds the finite parameters of a completed"
        + " epoch";
  }

  private static Map<String, double[]> copy(Map<String, double[]> arrays) {
    Map<String, double[]> copied = new LinkedHashMap<>();
    arrays.forEach((name, values) -> copied.put(name, values.clone()));
    return Collections.unmodifiableMap(copied);
  }

  /** Returns where this checkpoint was read from, for messages; "checkpoint" if made in memory. */
  public String source() {
    return source;
  }

  /** Returns what makes the run the run it is: model, plugins, settings and data. */
  public RunIdentity identity() {
    return identity;
  }

  /**
   * Returns what prediction needs beside the weights: the feature names and their standardization,
   * the class names, the target's standardization; empty for a checkpoint of format 2, or one made
   * without it.
   */
  public Optional<DataSchema> schema() {
    return Optional.ofNullable(schema);
  }

  /**
   * Returns whether {@code training} holds the rows this checkpoint's run trained on: the training
   * rows of the run's data, features standardized as the run standardized them (raw targets), whose
   * run-identity fingerprint, after the run's validation split drawn with its seed, equals the
   * checkpoint's. This tells whether a data set drawn again (a generator, a seed, a test fraction)
   * is the run's, and so whether its test rows are rows the model never trained on.
   *
   * @param encoding how the run's loss took class targets
   */
  public boolean trainedOn(Dataset training, TargetEncoding encoding) {
    if (training.size() != identity.examples()) {
      return false;
    }
    TargetUnits units = TargetUnits.of(schema == null ? null : schema.targetStandardizer().orElse(null));
    ValidationSplit split = ValidationSplit.draw(units.trained(training), encoding, identity.validationFraction(),
        new SplitMix64(identity.seed()));
    return DataFingerprint.of(split.training(), split.validation()).equals(identity.data());
  }

  /**
   * Returns the epoch early stopping found best so far, 0 for a run without early stopping (or
   * before its first validation).
   */
  public int bestEpoch() {
    return best == null ? 0 : best.epoch();
  }

  /** Returns what early stopping remembers of the best epoch, or null. */
  BestEpoch best() {
    return best;
  }

  /** Returns the best epoch's parameters: its own when the checkpoint is of that epoch (or has none). */
  Map<String, Double> bestParameters() {
    return best == null || best.parameters().isEmpty() ? parameters : best.parameters();
  }

  /** Returns copies of the best epoch's buffers, as {@link #bestParameters()}. */
  Map<String, double[]> bestBuffers() {
    return best == null || best.parameters().isEmpty() ? buffers() : copy(best.buffers());
  }

  /** Returns this checkpoint with early stopping's memory of the best epoch (null for none). */
  Checkpoint withBest(BestEpoch bestEpoch) {
    Checkpoint copy = new Checkpoint(source, identity, epoch, randomState, parameters, buffers, optimizerState, schema);
    copy.best = bestEpoch;
    return copy;
  }

  /** Returns the number of epochs completed, which is also the schedule's position. */
  public int epoch() {
    return epoch;
  }

  /** Returns the state of the shuffling generator after the last completed epoch. */
  public long randomState() {
    return randomState;
  }

  /** Returns the model's parameters by name, in the model's order. */
  public Map<String, Double> parameters() {
    return parameters;
  }

  /** Returns copies of the model's buffers by name. */
  public Map<String, double[]> buffers() {
    return copy(buffers);
  }

  /** Returns copies of the optimizer's state buffers by name. */
  public Map<String, double[]> optimizerState() {
    return copy(optimizerState);
  }

  /** Returns the text form described in the class comment, lines ending in {@code \n}, checksum included. */
  public String toText() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("# A retrograd training checkpoint: one 'key value' entry per line, numbers as Java's"
        + " Double.toString; 'checksum' is the SHA-256 of every byte before its line; 'end' closes it.\n");
    for (RunIdentity.Entry entry : RunIdentity.Entry.values()) {
      line(text, entry.key(), entry.text(identity));
    }
    if (schema != null) {
      SchemaEntries.entries(schema).forEach(entry -> line(text, entry[0], entry[1]));
    }
    line(text, EPOCH, Integer.toString(epoch));
    line(text, RANDOM_STATE, Long.toString(randomState));
    parameters.forEach((name, value) -> line(text, PARAMETER, name + " " + value));
    buffers.forEach((name, values) -> line(text, BUFFER, name + " " + array(values)));
    optimizerState.forEach((name, values) -> line(text, OPTIMIZER_STATE, name + " " + array(values)));
    if (best != null) {
      line(text, BEST_EPOCH, Integer.toString(best.epoch()));
      line(text, BEST_VALIDATION_LOSS, Double.toString(best.validationLoss()));
      best.parameters().forEach((name, value) -> line(text, BEST_PARAMETER, name + " " + value));
      best.buffers().forEach((name, values) -> line(text, BEST_BUFFER, name + " " + array(values)));
    }
    line(text, CHECKSUM, SHA256 + sha256(text));
    return text.append(END).append('\n').toString();
  }

  /** Returns the SHA-256 of the UTF-8 bytes of {@code content}, as 64 lowercase hex digits. */
  static String sha256(CharSequence content) {
    return HexFormat.of().formatHex(DataFingerprint.sha256().digest(content.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void line(StringBuilder text, String key, String value) {
    text.append(key);
    if (!value.isEmpty()) {
      text.append(' ').append(value);
    }
    text.append('\n');
  }

  private static String array(double[] values) {
    StringBuilder text = new StringBuilder().append(values.length);
    for (double value : values) {
      text.append(' ').append(value);
    }
    return text.toString();
  }

  /**
   * Writes this checkpoint to {@code file}: first to a temporary file in the same folder, then
   * renamed over {@code file} atomically ({@code ATOMIC_MOVE}, {@code REPLACE_EXISTING}).
   * Temporary files of the same checkpoint left by processes that no longer run are deleted first.
   *
   * @throws UncheckedIOException if the folder cannot be written
   */
  public void write(Path file) {
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    String name = absolute.getFileName().toString();
    ByteBuffer bytes = ByteBuffer.wrap(toText().getBytes(StandardCharsets.UTF_8));
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      deleteTemporaryFilesOfEndedProcesses(folder, name);
      temporary = Files.createTempFile(folder, name + "." + ProcessHandle.current().pid() + ".", TEMPORARY_SUFFIX);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.warn("The file system of {} cannot rename atomically; replaced the checkpoint non-atomically.", folder);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint " + file + ": " + reason(e), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }

  /**
   * Deletes {@code NAME.PID.RANDOM.tmp} files in {@code folder} whose process id names no running
   * process of this machine: what a writer killed mid-write left behind.
   */
  private static void deleteTemporaryFilesOfEndedProcesses(Path folder, String name) throws IOException {
    String prefix = name + ".";
    try (DirectoryStream<Path> candidates = Files.newDirectoryStream(folder,
        entry -> entry.getFileName().toString().startsWith(prefix)
            && entry.getFileName().toString().endsWith(TEMPORARY_SUFFIX))) {
      for (Path candidate : candidates) {
        String rest = candidate.getFileName().toString().substring(prefix.length());
        int dot = rest.indexOf('.');
        long pid;
        try {
          pid = dot < 0 ? -1 : Long.parseLong(rest.substring(0, dot));
        } catch (NumberFormatException e) {
          continue;  // not one of ours
        }
        boolean running = pid == ProcessHandle.current().pid()
            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (pid > 0 && !running && Files.deleteIfExists(candidate)) {
          LOG.info("Deleted {}, left by process {} which was stopped while writing a checkpoint.", candidate, pid);
        }
      }
    }
  }

  /**
   * Returns why a file operation failed in words: {@code permission denied for runs/x}, {@code Is a
   * directory (runs/x/checkpoint.txt)}; Java's own message of a file-system error is only the path.
   */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    if (e instanceof FileSystemException failed && failed.getFile() != null) {
      String why = failed.getReason() != null ? failed.getReason()
          : e instanceof FileAlreadyExistsException ? "a file is in the way" : e.getClass().getSimpleName();
      return why + " (" + failed.getFile() + ")";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /**
   * Reads the checkpoint in {@code file}.
   *
   * @throws CheckpointException if the file is missing, not a checkpoint, of format 1, truncated,
   *     altered or damaged (its checksum does not match), or holds an entry that cannot be read or a
   *     parameter that is not finite; the message names the file and, where there is one, the line
   */
  public static Checkpoint read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("Checkpoint " + file + " does not exist; give the file a run wrote with a"
          + " checkpoint path, or start afresh without resuming.", e);
    } catch (IOException e) {
      throw new CheckpointException("Cannot read checkpoint " + file + ": " + reason(e) + ".", e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CheckpointException("Checkpoint " + file + " is not a retrograd checkpoint: it is not UTF-8 text,"
          + " and a checkpoint is a text file starting with '" + HEADER + "'.", e);
    }
    return parse(text, file.toString());
  }

  /**
   * Reads a checkpoint from its text; {@code source} names it in messages.
   *
   * @throws CheckpointException as {@link #read}
   */
  public static Checkpoint parse(String text, String source) {
    return new Parser(source).parse(text);
  }

  /** One line of a checkpoint's text: where it starts, its number from 1, and its text stripped. */
  private record Line(int offset, int number, String text) {

    /** Returns whether the line holds an entry, not a blank line or a comment. */
    boolean isEntry() {
      return !text.isEmpty() && !text.startsWith("#");
    }

    /** Splits {@code text} into lines ending in {@code \n} (a {@code \r} before it is stripped). */
    static List<Line> of(String text) {
      List<Line> lines = new ArrayList<>();
      int offset = 0;
      while (offset < text.length()) {
        int newline = text.indexOf('\n', offset);
        int next = newline < 0 ? text.length() : newline + 1;
        lines.add(new Line(offset, lines.size() + 1, text.substring(offset, newline < 0 ? next : newline).strip()));
        offset = next;
      }
      return lines;
    }
  }

  /** Reads the text form line by line, remembering where each entry was given. */
  private static final class Parser {

    private final String source;
    private final Map<RunIdentity.Entry, Object> identity = new EnumMap<>(RunIdentity.Entry.class);
    private Integer epoch;
    private Long randomState;
    private Integer bestEpoch;
    private Double bestLoss;
    private final Map<String, Double> bestParameters = new LinkedHashMap<>();
    private final Map<String, double[]> bestBuffers = new LinkedHashMap<>();
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private final Map<String, double[]> optimizerState = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private final Map<String, String> schemaEntries = new LinkedHashMap<>();
    private int schemaLine;
    private int number;
    private String line;

    Parser(String source) {
      this.source = source;
    }

    Checkpoint parse(String text) {
      List<Line> lines = Line.of(text);
      if (lines.isEmpty()) {
        throw new CheckpointException("Checkpoint " + source + " is empty; a checkpoint starts with '" + HEADER + "'.");
      }
      requireHeader(lines.get(0).text());
      int end = endLine(lines);
      Line checksum = checksumLine(lines, end);
      requireChecksum(text, checksum);
      for (Line entry : lines.subList(1, checksum.number() - 1)) {
        if (entry.isEntry()) {
          number = entry.number();
          line = entry.text();
          int space = line.indexOf(' ');
          String key = space < 0 ? line : line.substring(0, space);
          entry(key, space < 0 ? "" : line.substring(space + 1).strip());
        }
      }
      for (RunIdentity.Entry entry : RunIdentity.Entry.values()) {
        if (!identity.containsKey(entry)) {
          throw missing(entry.key());
        }
      }
      if (epoch == null) {
        throw missing(EPOCH);
      }
      if (randomState == null) {
        throw missing(RANDOM_STATE);
      }
      RunIdentity read = RunIdentity.of(identity);
      DataSchema schema;
      try {
        schema = SchemaEntries.read(schemaEntries, read.task()).orElse(null);
      } catch (IllegalArgumentException e) {
        number = schemaLine;
        line = SchemaEntries.FEATURE_NAMES;
        throw problem("its data schema is unreadable: " + e.getMessage());
      }
      Checkpoint checkpoint = new Checkpoint(source, read, epoch, randomState, parameters, buffers, optimizerState,
          schema);
      if ((bestEpoch == null) != (bestLoss == null)) {
        throw missing(bestEpoch == null ? BEST_EPOCH : BEST_VALIDATION_LOSS);
      }
      if (bestEpoch != null) {
        try {
          checkpoint.best = new BestEpoch(bestEpoch, bestLoss, bestParameters, bestBuffers);
        } catch (IllegalArgumentException e) {
          throw new CheckpointException("Checkpoint " + source + ": " + e.getMessage() + ".", e);
        }
      }
      return checkpoint;
    }

    private void requireHeader(String first) {
      if (!first.startsWith(HEADER_PREFIX)) {
        throw new CheckpointException("Checkpoint " + source + " is not a retrograd checkpoint: line 1 is '"
            + abbreviate(first) + "', expected '" + HEADER + "'.");
      }
      if (first.equals(FORMAT_1)) {
        throw new CheckpointException("Checkpoint " + source + " has the older format '" + FORMAT_1 + "', which"
            + " carries no checksum and no fingerprint of its data, so this retrograd cannot check that it is intact"
            + " and belongs to the run; it reads '" + HEADER + "'. Start the run afresh, or finish it with the"
            + " retrograd version that wrote it.");
      }
      if (!first.equals(HEADER) && !first.equals(FORMAT_2)) {
        throw new CheckpointException("Checkpoint " + source + " has format '" + abbreviate(first)
            + "', but this retrograd reads '" + HEADER + "'.");
      }
    }

    /** Returns the index of the {@code end} line, refusing a file without one or with entries after it. */
    private int endLine(List<Line> lines) {
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).text().equals(END)) {
          for (Line after : lines.subList(i + 1, lines.size())) {
            if (after.isEntry()) {
              number = after.number();
              line = after.text();
              throw problem("unexpected text after 'end'");
            }
          }
          return i;
        }
      }
      throw new CheckpointException("Checkpoint " + source + " is truncated: it ends after line " + lines.size()
          + " without the closing 'end' line. Resume from an earlier checkpoint or start afresh.");
    }

    /** Returns the last entry before {@code end}, which must be the checksum. */
    private Line checksumLine(List<Line> lines, int end) {
      for (int i = end - 1; i > 0; i--) {
        Line candidate = lines.get(i);
        if (candidate.isEntry()) {
          if (!candidate.text().startsWith(CHECKSUM + " ")) {
            throw new CheckpointException("Checkpoint " + source + " has no '" + CHECKSUM + "' line before its 'end'"
                + " line, so it was altered or damaged. Resume from an intact copy, or start afresh without"
                + " resuming.");
          }
          return candidate;
        }
      }
      throw missing(CHECKSUM);
    }

    /** Checks the checksum line's digest against the SHA-256 of every character before the line. */
    private void requireChecksum(String text, Line checksum) {
      number = checksum.number();
      line = checksum.text();
      String value = line.substring(CHECKSUM.length()).strip();
      if (!value.matches("sha256:[0-9a-f]{64}")) {
        throw problem("expected 'checksum sha256:' and 64 lowercase hex digits");
      }
      if (!value.substring(SHA256.length()).equals(sha256(text.substring(0, checksum.offset())))) {
        throw new CheckpointException("Checkpoint " + source + " was altered or damaged: its content does not match"
            + " its checksum (line " + checksum.number() + "). Resume from an intact copy, or start afresh without"
            + " resuming.");
      }
    }

    private CheckpointException missing(String key) {
      return new CheckpointException("Checkpoint " + source + " has no '" + key + "' entry.");
    }

    private void entry(String key, String value) {
      switch (key) {
        case PARAMETER -> {
          String[] fields = value.split(" +");
          if (fields.length != 2) {
            throw problem("expected 'param NAME VALUE'");
          }
          remember("parameter", fields[0]);
          double parameter = real(fields[1]);
          if (!Double.isFinite(parameter)) {
            throw problem(nonFinite(fields[0], parameter));
          }
          parameters.put(fields[0], parameter);
        }
        case BUFFER -> array("buffer", value, buffers);
        case OPTIMIZER_STATE -> array("optimizer state", value, optimizerState);
        case EPOCH -> {
          remember("entry", key);
          epoch = read(() -> TextValues.count(EPOCH, value));
        }
        case BEST_EPOCH -> {
          remember("entry", key);
          bestEpoch = read(() -> TextValues.count(BEST_EPOCH, value));
        }
        case BEST_VALIDATION_LOSS -> {
          remember("entry", key);
          bestLoss = real(value);
        }
        case BEST_PARAMETER -> {
          String[] fields = value.split(" +");
          if (fields.length != 2) {
            throw problem("expected 'best_param NAME VALUE'");
          }
          remember("best parameter", fields[0]);
          double parameter = real(fields[1]);
          if (!Double.isFinite(parameter)) {
            throw problem(nonFinite(fields[0], parameter));
          }
          bestParameters.put(fields[0], parameter);
        }
        case BEST_BUFFER -> array("best buffer", value, bestBuffers);
        case RANDOM_STATE -> {
          remember("entry", key);
          randomState = integer(value);
        }
        case CHECKSUM -> throw problem("'checksum' is the last entry, right before 'end'");
        case SchemaEntries.FEATURE_NAMES, SchemaEntries.FEATURE_MEAN, SchemaEntries.FEATURE_STD,
            SchemaEntries.TARGET_NAME, SchemaEntries.CLASS_NAMES, SchemaEntries.TARGET_MEAN,
            SchemaEntries.TARGET_STD -> {
          remember("entry", key);
          if (schemaEntries.isEmpty()) {
            schemaLine = number;
          }
          schemaEntries.put(key, value);
        }
        default -> {
          RunIdentity.Entry entry = RunIdentity.Entry.withKey(key)
              .orElseThrow(() -> problem("unknown entry '" + key + "'"));
          remember("entry", key);
          identity.put(entry, read(() -> entry.read(value)));
        }
      }
    }

    /** Returns what {@code reading} reads, its failure turned into a problem on this line. */
    private <T> T read(Supplier<T> reading) {
      try {
        return reading.get();
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }

    private void array(String what, String value, Map<String, double[]> into) {
      String[] fields = value.split(" +");
      if (fields.length < 2) {
        throw problem("expected '" + (what.equals("buffer") ? BUFFER : what.equals("best buffer") ? BEST_BUFFER
            : OPTIMIZER_STATE) + " NAME COUNT VALUES…'");
      }
      long count = integer(fields[1]);
      if (count != fields.length - 2) {
        throw problem(what + " '" + fields[0] + "' declares " + count + " values but lists " + (fields.length - 2));
      }
      double[] values = new double[fields.length - 2];
      for (int i = 0; i < values.length; i++) {
        values[i] = real(fields[i + 2]);
      }
      remember(what, fields[0]);
      into.put(fields[0], values);
    }

    private void remember(String what, String name) {
      Integer first = lineOf.putIfAbsent(what + " " + name, number);
      if (first != null) {
        throw problem(what + " '" + name + "' is given twice (first on line " + first + ")");
      }
    }

    private double real(String text) {
      return read(() -> TextValues.real(text));
    }

    private long integer(String text) {
      return read(() -> TextValues.whole(text));
    }

    /** Returns the failure of this line: {@code what} is wrong, a phrase or a sentence whose period goes. */
    private CheckpointException problem(String what) {
      String phrase = what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
      return new CheckpointException("Checkpoint " + source + ", line " + number + ": " + phrase + " (in '"
          + abbreviate(line) + "'). The file is corrupted; resume from an earlier checkpoint or start afresh.");
    }

    private static String abbreviate(String text) {
      return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
  }

  @Override
  public String toString() {
    return "Checkpoint(" + source + ", epoch " + epoch + ", " + parameters.size() + " parameters)";
  }

  /** Returns the names of the parameters, in order. */
  List<String> parameterNames() {
    return new ArrayList<>(parameters.keySet());
  }
}
