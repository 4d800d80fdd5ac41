package dev.retrograd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a training run after a completed epoch, in a data-only text format that a person
 * can read: enough to continue the run exactly where it stopped.
 *
 * <p>The format is a header line {@code retrograd-checkpoint 1}, then one {@code key value} entry
 * per line, then a closing {@code end} line (a file without it was cut off). Lines starting with
 * {@code #} are comments. Numbers are written by {@link Double#toString(double)}, which reads back
 * exactly.
 *
 * <pre>
 * retrograd-checkpoint 1
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
 * epoch 3                                   epochs completed, and the schedule's position
 * random_state -5340545383940234383         the shuffling generator's state ({@link SplitMix64})
 * param layer1.weight[0][0] 0.4236547993389047
 * buffer layer1.running_mean 2 0.1 -0.25     name, count, values
 * optimizer_state step 1 30.0
 * optimizer_state momentum_buffer 13 …
 * end
 * </pre>
 *
 * <p>{@link #write} writes to a temporary file in the same folder and renames it into place
 * atomically, so a crash leaves the previous checkpoint whole. {@link #read} refuses a file that is
 * not a checkpoint, is truncated or holds an unreadable entry, naming the line. Instances are
 * immutable.
 */
public final class Checkpoint {

  /** The format version this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The first line of every checkpoint. */
  public static final String HEADER = "retrograd-checkpoint " + FORMAT_VERSION;

  /** The key of the number of epochs completed, after the run's identity. */
  private static final String EPOCH = "epoch";

  /** The key of the shuffling generator's state, after the epoch. */
  private static final String RANDOM_STATE = "random_state";

  /** The keys of the model's parameters, its buffers and the optimizer's state buffers. */
  private static final String PARAMETER = "param";
  private static final String BUFFER = "buffer";
  private static final String OPTIMIZER_STATE = "optimizer_state";
  private static final String END = "end";

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);

  private final String source;
  private final RunIdentity identity;
  private final int epoch;
  private final long randomState;
  private final Map<String, Double> parameters;
  private final Map<String, double[]> buffers;
  private final Map<String, double[]> optimizerState;

  private Checkpoint(String source, RunIdentity identity, int epoch, long randomState, Map<String, Double> parameters,
      Map<String, double[]> buffers, Map<String, double[]> optimizerState) {
    this.source = source;
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
   * @throws IllegalArgumentException if the epoch is negative or a name is empty or holds whitespace
   */
  static Checkpoint of(RunIdentity identity, int epoch, long randomState, Map<String, Double> parameters,
      Map<String, double[]> buffers, Map<String, double[]> optimizerState) {
    Objects.requireNonNull(identity, "identity");
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
    return new Checkpoint("checkpoint", identity, epoch, randomState, parameters, buffers, optimizerState);
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

  /** Returns what makes the run the run it is: model, plugins and settings. */
  public RunIdentity identity() {
    return identity;
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

  /** Returns the text form described in the class comment, lines ending in {@code \n}. */
  public String toText() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("# A retrograd training checkpoint: one 'key value' entry per line, numbers as Java's"
        + " Double.toString; 'end' closes it.\n");
    for (RunIdentity.Entry entry : RunIdentity.Entry.values()) {
      line(text, entry.key(), entry.text(identity));
    }
    line(text, EPOCH, Integer.toString(epoch));
    line(text, RANDOM_STATE, Long.toString(randomState));
    parameters.forEach((name, value) -> line(text, PARAMETER, name + " " + value));
    buffers.forEach((name, values) -> line(text, BUFFER, name + " " + array(values)));
    optimizerState.forEach((name, values) -> line(text, OPTIMIZER_STATE, name + " " + array(values)));
    return text.append(END).append('\n').toString();
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
   *
   * @throws UncheckedIOException if the folder cannot be written
   */
  public void write(Path file) {
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, absolute.getFileName() + ".", ".tmp");
      Files.writeString(temporary, toText(), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.warn("The file system of {} cannot rename atomically; replaced the checkpoint non-atomically.", folder);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint " + file + ": " + e.getMessage(), e);
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
   * Reads the checkpoint in {@code file}.
   *
   * @throws CheckpointException if the file is missing, not a checkpoint, truncated, or holds an
   *     entry that cannot be read; the message names the line
   */
  public static Checkpoint read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("Checkpoint " + file + " does not exist; give the file a run wrote with a"
          + " checkpoint path, or start afresh without resuming.", e);
    } catch (IOException e) {
      throw new CheckpointException("Cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  /**
   * Reads a checkpoint from its lines; {@code source} names it in messages.
   *
   * @throws CheckpointException as {@link #read}
   */
  public static Checkpoint parse(List<String> lines, String source) {
    return new Parser(source).parse(lines);
  }

  /** Reads the text form line by line, remembering where each entry was given. */
  private static final class Parser {

    private final String source;
    private final Map<RunIdentity.Entry, Object> identity = new EnumMap<>(RunIdentity.Entry.class);
    private Integer epoch;
    private Long randomState;
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private final Map<String, double[]> buffers = new LinkedHashMap<>();
    private final Map<String, double[]> optimizerState = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private int number;
    private String line;

    Parser(String source) {
      this.source = source;
    }

    Checkpoint parse(List<String> lines) {
      if (lines.isEmpty()) {
        throw new CheckpointException("Checkpoint " + source + " is empty; a checkpoint starts with '" + HEADER + "'.");
      }
      String first = lines.get(0).strip();
      if (!first.startsWith("retrograd-checkpoint ")) {
        throw new CheckpointException("Checkpoint " + source + " is not a retrograd checkpoint: line 1 is '"
            + abbreviate(first) + "', expected '" + HEADER + "'.");
      }
      if (!first.equals(HEADER)) {
        throw new CheckpointException("Checkpoint " + source + " has format '" + abbreviate(first)
            + "', but this retrograd reads '" + HEADER + "'.");
      }
      boolean ended = false;
      for (number = 2; number <= lines.size(); number++) {
        line = lines.get(number - 1).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (ended) {
          throw problem("unexpected text after 'end'");
        }
        if (line.equals(END)) {
          ended = true;
          continue;
        }
        int space = line.indexOf(' ');
        String key = space < 0 ? line : line.substring(0, space);
        String value = space < 0 ? "" : line.substring(space + 1).strip();
        entry(key, value);
      }
      if (!ended) {
        throw new CheckpointException("Checkpoint " + source + " is truncated: it ends after line " + lines.size()
            + " without the closing 'end' line. Resume from an earlier checkpoint or start afresh.");
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
      return new Checkpoint(source, RunIdentity.of(identity), epoch, randomState, parameters, buffers,
          optimizerState);
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
          parameters.put(fields[0], real(fields[1]));
        }
        case BUFFER -> array("buffer", value, buffers);
        case OPTIMIZER_STATE -> array("optimizer state", value, optimizerState);
        case EPOCH -> {
          remember("entry", key);
          epoch = read(() -> TextValues.count(EPOCH, value));
        }
        case RANDOM_STATE -> {
          remember("entry", key);
          randomState = integer(value);
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
        throw problem("expected '" + (what.equals("buffer") ? BUFFER : OPTIMIZER_STATE) + " NAME COUNT VALUES…'");
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
