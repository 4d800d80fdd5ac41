package dev.retrograd.train;

import dev.retrograd.data.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process of {@link CheckpointCrashTest}: writes checkpoints of epochs FIRST, FIRST + 1,
 * … to FILE, COUNT of them or, for COUNT 0, until it is killed, and prints {@code wrote EPOCH}
 * after each. Every number in the checkpoint of epoch e is a function of e, so a reader can tell
 * a whole checkpoint from a mixed one.
 */
final class CheckpointWriterProcess {

  /** Parameters per checkpoint: about 0.6 MB of text, so a write takes long enough to be killed in. */
  static final int PARAMETERS = 20_000;

  static final RunIdentity IDENTITY = new RunIdentity("1 -> 1 identity", "sgd", "lr=0.1", "mse", "",
      Task.REGRESSION, Schedule.constant(), Clipping.none(), 0.0, 1, 0.0, 1, 1, "crash-test",
      new DataFingerprint("0".repeat(64), "f".repeat(64)));

  private CheckpointWriterProcess() {}

  /** Writes the checkpoints; arguments FILE FIRST COUNT. */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    System.out.println("ready");
    for (int epoch = first; count == 0 || epoch < first + count; epoch++) {
      of(epoch).write(file);
      System.out.println("wrote " + epoch);
    }
  }

  /** Returns the checkpoint of {@code epoch}: parameter i is epoch + i/10⁶, the random state and step are the epoch. */
  static Checkpoint of(int epoch) {
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (int i = 0; i < PARAMETERS; i++) {
      parameters.put("p" + i, parameter(epoch, i));
    }
    return Checkpoint.of(IDENTITY, epoch, epoch, parameters, Map.of(), Map.of("step", new double[] {epoch}));
  }

  static double parameter(int epoch, int i) {
    return epoch + i / 1e6;
  }
}
