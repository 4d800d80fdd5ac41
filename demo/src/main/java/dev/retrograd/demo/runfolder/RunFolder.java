package dev.retrograd.demo.runfolder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder a training run writes into, locked for it ({@link RunLock}), chosen by these rules:
 *
 * <ul>
 *   <li>A folder <em>holds a run</em> when it has a {@code checkpoint.txt} or a {@code metrics.csv}.
 *   <li><b>A new run never replaces an earlier one unasked.</b> Into a folder named with
 *       {@code --out} that holds a run it is refused, unless {@code --overwrite} is given, which
 *       deletes that run's files (and only those) first. Without {@code --out} it writes into
 *       {@code runs/<data set>}, or, if that holds a run or is in use, into the first of
 *       {@code runs/<data set>-2}, {@code -3}, … that does neither, and says so.
 *   <li><b>A resumed run continues in its checkpoint's folder</b> (or in {@code --out}, which then
 *       must not hold another run, unless {@code --overwrite}); {@code --overwrite} with a resume
 *       into the checkpoint's own folder is refused, since it would delete what it resumes.
 *   <li><b>One run per folder.</b> A folder whose lock ({@code run.lock}) another running process
 *       holds is refused, naming that process; a lock left by a process that no longer runs is
 *       taken over, and said so.
 * </ul>
 *
 * @param path the folder
 * @param lock its lock, held until {@link #close}
 * @param notes what the choice of folder did that the user should know, one sentence each
 */
public record RunFolder(Path path, RunLock lock, List<String> notes) implements AutoCloseable {

  /** Checks the fields. */
  public RunFolder {
    notes = List.copyOf(notes);
  }

  /**
   * What a run asks for.
   *
   * @param out the folder of {@code --out}, or null
   * @param defaultFolder the folder without {@code --out}: {@code runs/<data set>}
   * @param resume the checkpoint of {@code --resume}, or null
   * @param overwrite whether {@code --overwrite} was given
   * @param runFiles the names of every file a run writes into its folder, the checkpoint and
   *     {@code metrics.csv} first: what marks a folder as holding a run, and what {@code --overwrite}
   *     deletes
   * @param command the command line, for the lock's owner
   */
  public record Request(Path out, Path defaultFolder, Path resume, boolean overwrite, List<String> runFiles,
      String command) {

    /** Copies the file names. */
    public Request {
      runFiles = List.copyOf(runFiles);
    }
  }

  /** How many numbered folders {@code runs/<data set>-N} a new run tries before giving up. */
  private static final int MAX_NUMBERED = 1000;

  /**
   * Chooses, locks and, with {@code --overwrite}, clears the folder of {@code request}.
   *
   * @throws IllegalStateException if the folder is in use by another run or holds a run that would
   *     be replaced, with one line saying what to do
   * @throws IOException if the folder or its lock cannot be created
   */
  public static RunFolder open(Request request) throws IOException {
    if (request.resume() != null) {
      return resumeFolder(request);
    }
    if (request.out() != null || request.overwrite()) {
      Path folder = request.out() != null ? request.out() : request.defaultFolder();
      return newRunIn(folder, request);
    }
    List<String> notes = new ArrayList<>();
    for (int n = 1; n <= MAX_NUMBERED; n++) {
      Path folder = n == 1 ? request.defaultFolder()
          : request.defaultFolder().resolveSibling(request.defaultFolder().getFileName() + "-" + n);
      Optional<RunLock> lock = tryAcquire(folder, request);
      if (lock.isPresent() && heldRun(folder, request).isEmpty()) {
        if (n > 1) {
          notes.add(request.defaultFolder() + " holds an earlier run or is in use, so this run writes into " + folder
              + " (--out chooses the folder; --overwrite replaces the earlier run)");
        }
        lock.get().tookOverFrom().ifPresent(owner -> notes.add(tookOver(folder, owner)));
        return new RunFolder(folder, lock.get(), notes);
      }
      if (lock.isPresent()) {
        lock.get().close();
      }
    }
    throw new IllegalStateException("Every folder from " + request.defaultFolder() + " to "
        + request.defaultFolder() + "-" + MAX_NUMBERED + " holds a run; choose a folder with --out.");
  }

  private static RunFolder resumeFolder(Request request) throws IOException {
    Path checkpointFolder = parentOf(request.resume());
    Path folder = request.out() != null ? request.out() : checkpointFolder;
    boolean sameFolder = sameFolder(folder, checkpointFolder);
    if (sameFolder && request.overwrite()) {
      throw new IllegalStateException("--overwrite would delete the run that --resume " + request.resume()
          + " continues; leave out --overwrite to continue it in " + folder + ".");
    }
    if (sameFolder) {
      RunLock lock = lock(folder, request);
      return new RunFolder(folder, lock, tookOverNote(folder, lock));
    }
    return newRunIn(folder, request);
  }

  /** Locks {@code folder} for a run that must not replace another: refused, or cleared with --overwrite. */
  private static RunFolder newRunIn(Path folder, Request request) throws IOException {
    RunLock lock = lock(folder, request);
    List<String> notes = new ArrayList<>(tookOverNote(folder, lock));
    List<String> held = heldRun(folder, request);
    if (!held.isEmpty() && !request.overwrite()) {
      lock.close();
      throw new IllegalStateException(folder + " holds an earlier run (" + String.join(", ", held) + "), which a new"
          + " run would replace. Continue it with --resume " + folder.resolve(request.runFiles().get(0))
          + ", replace it with --overwrite, or choose another folder with --out.");
    }
    if (request.overwrite()) {
      List<String> deleted = new ArrayList<>();
      for (String name : request.runFiles()) {
        if (Files.deleteIfExists(folder.resolve(name))) {
          deleted.add(name);
        }
      }
      if (!deleted.isEmpty()) {
        notes.add("--overwrite: deleted the earlier run's " + String.join(", ", deleted) + " in " + folder);
      }
    }
    return new RunFolder(folder, lock, notes);
  }

  /**
   * Tries to lock {@code folder}.
   *
   * @throws IllegalStateException if the folder cannot be created or written, saying why
   */
  private static Optional<RunLock> tryAcquire(Path folder, Request request) {
    try {
      return RunLock.tryAcquire(folder, request.command());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write into the run folder " + folder + ": " + reason(e)
          + ". Choose another folder with --out.", e);
    }
  }

  /** Returns why a file operation failed in words; Java's own message of a file-system error is only the path. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return ((FileSystemException) e).getFile() + " is a file, not a folder";
    }
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return failed.getReason() + " (" + failed.getFile() + ")";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static RunLock lock(Path folder, Request request) {
    return tryAcquire(folder, request).orElseThrow(() -> new IllegalStateException(
        folder + " is in use by another run (" + RunLock.ownerOf(folder) + "). Wait for it to end, or choose another"
            + " folder with --out."));
  }

  /** Returns the names of the files that mark a run in {@code folder}: its checkpoint and metrics.csv, if there. */
  private static List<String> heldRun(Path folder, Request request) {
    return request.runFiles().subList(0, 2).stream().filter(name -> Files.exists(folder.resolve(name))).toList();
  }

  private static List<String> tookOverNote(Path folder, RunLock lock) {
    return lock.tookOverFrom().map(owner -> List.of(tookOver(folder, owner))).orElse(List.of());
  }

  private static String tookOver(Path folder, String owner) {
    return "took over the lock of " + folder + " left by a run that no longer runs (" + owner + ")";
  }

  private static Path parentOf(Path file) {
    Path parent = file.getParent();
    return parent != null ? parent : Path.of(".");
  }

  private static boolean sameFolder(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // compare the paths below
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** Releases the folder's lock. */
  @Override
  public void close() {
    lock.close();
  }
}
