package dev.retrograd.demo.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of a run folder: a file {@code run.lock} that names its owner, held with an operating
 * system lock for as long as the run writes into the folder.
 *
 * <pre>
 * pid 41377
 * host lab-2
 * started 2025-03-01T10:15:42Z
 * command ./retrograd train --dataset moons --out runs/moons
 * </pre>
 *
 * <p><b>The operating system lock decides, the file only names.</b> A second run finds the lock
 * held and reads the owner from the file for its message. A process that dies (SIGKILL, a power
 * cut) loses its operating system lock with it, so the text it leaves is stale, and the next run
 * takes the file over and says whose it was. {@link #close} empties the file and releases the lock;
 * the file itself stays, since deleting a lock file races with a run that has just opened it.
 *
 * <p>The lock covers one byte far past the text, so that a reader can read the text on systems
 * where locks are mandatory. On POSIX systems closing <em>any</em> descriptor of a file releases
 * the process's locks on it, so the locks this JVM holds are also kept in memory, and a second
 * attempt in the same JVM is answered from there without opening the file.
 */
public final class RunLock implements AutoCloseable {

  /** The lock file's name in a run folder. */
  public static final String FILE_NAME = "run.lock";

  /** Where the locked byte lies: past any owner text, so the text stays readable. */
  private static final long LOCKED_BYTE = 1L << 40;

  /** The locks this JVM holds, by lock file (real path). */
  private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String owner;
  private final String previousOwner;
  private final Thread cleanUp;

  private RunLock(Path file, FileChannel channel, FileLock lock, String owner, String previousOwner) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.owner = owner;
    this.previousOwner = previousOwner;
    this.cleanUp = new Thread(this::release, "run-lock-clean-up");
  }

  /**
   * Locks {@code folder}, creating it, for the run {@code command} of this process; returns empty
   * if another run holds it.
   *
   * @throws IOException if the folder or the file cannot be created or written
   */
  static Optional<RunLock> tryAcquire(Path folder, String command) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.toRealPath().resolve(FILE_NAME);
    synchronized (HELD) {
      if (HELD.containsKey(file)) {
        return Optional.empty();
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      String owner = "pid " + ProcessHandle.current().pid() + "\nhost " + host() + "\nstarted "
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\ncommand " + command.replaceAll("[\\r\\n]+", " ") + "\n";
      String previous = text(channel);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      RunLock runLock = new RunLock(file, channel, lock, owner, previous);
      HELD.put(file, runLock);
      Runtime.getRuntime().addShutdownHook(runLock.cleanUp);
      return Optional.of(runLock);
    }
  }

  private static String text(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
    channel.read(bytes, 0);
    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
  }

  /**
   * Returns the owner named in {@code folder}'s lock file as one phrase, such as {@code pid 41377
   * on lab-2, started 2025-03-01T10:15:42Z: ./retrograd train --dataset moons}; "an unknown run" if
   * the file names nobody.
   */
  static String ownerOf(Path folder) {
    try {
      Path file = folder.toRealPath().resolve(FILE_NAME);
      RunLock mine = HELD.get(file);
      return describe(mine != null ? mine.owner : Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      return describe("");
    }
  }

  private static String describe(String text) {
    String pid = field(text, "pid");
    if (pid.isEmpty()) {
      return "an unknown run";
    }
    return "pid " + pid + " on " + field(text, "host") + ", started " + field(text, "started") + ": "
        + field(text, "command");
  }

  private static String field(String text, String key) {
    return text.lines().filter(line -> line.startsWith(key + " ")).map(line -> line.substring(key.length() + 1))
        .findFirst().orElse("");
  }

  /** Returns this machine's name, without a network lookup where the system tells it. */
  private static String host() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | UncheckedIOException e) {
      // not Linux
    }
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String name = System.getenv(variable);
      if (name != null && !name.isBlank()) {
        return name.strip();
      }
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unknown host";
    }
  }

  /** Returns the owner of the stale lock this one took over, as {@link #ownerOf} words it, if there was one. */
  public Optional<String> tookOverFrom() {
    return previousOwner.isBlank() ? Optional.empty() : Optional.of(describe(previousOwner));
  }

  /** Returns the lock file. */
  public Path file() {
    return file;
  }

  /** Empties the lock file and releases the lock. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook does the same
    }
    release();
  }

  private void release() {
    synchronized (HELD) {
      if (!channel.isOpen()) {
        return;
      }
      try {
        channel.truncate(0);
        channel.force(false);
      } catch (IOException e) {
        // the lock is released below all the same; the next run takes the text over
      }
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // closing the channel releases the lock; nothing more to do
      }
      HELD.remove(file);
    }
  }
}
