package dev.retrograd.demo.plot;

/** Keeps chart drawing off any window system, so it works on servers and in CI without a display. */
public final class Headless {

  private Headless() {}

  /**
   * Sets {@code java.awt.headless=true} unless the program set that property itself.
   *
   * <p>Call before the first AWT or JFreeChart class is used: Java reads the property once. Without
   * it, a JVM that sees a {@code DISPLAY} variable tries to connect to that X server even to draw
   * into an image, and fails when the server is gone.
   */
  public static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
