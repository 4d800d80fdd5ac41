package dev.retrograd.demo.runfolder;

import java.nio.file.Path;

/** The child process of {@link RunFolderTest}: locks the folder ARGS[0], says "locked", and holds it until killed. */
final class LockHolder {

  private LockHolder() {}

  /** Locks the folder and waits. */
  public static void main(String[] args) throws Exception {
    RunLock lock = RunLock.tryAcquire(Path.of(args[0]), "lock-holder --out " + args[0]).orElseThrow();
    System.out.println("locked " + lock.file());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
