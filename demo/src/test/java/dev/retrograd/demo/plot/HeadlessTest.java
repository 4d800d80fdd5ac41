package dev.retrograd.demo.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessTest {

  @TempDir
  Path dir;

  /** Writes a chart to {@code args[0]} in a fresh JVM, then prints whether AWT ran headless. */
  public static void main(String[] args) throws Exception {
    new LineChart("Loss", "epoch", "loss", List.of(Series.of("train", 1, 0.5)), YScale.LOG).writePng(Path.of(args[0]), 300, 200);
    System.out.println("headless=" + GraphicsEnvironment.isHeadless());
  }

  @Test
  void charts_are_drawn_without_a_display_even_when_DISPLAY_names_a_missing_one() throws Exception {
    // Without java.awt.headless=true, a JVM that sees DISPLAY connects to that X server to draw
    // into an image, and fails when there is none: the child proves the charts set it themselves.
    Path file = dir.resolve("loss.png");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        HeadlessTest.class.getName(), file.toString());
    builder.environment().put("DISPLAY", ":97");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectErrorStream(true);
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("headless=true");
    Pngs.read(file, 300, 200);
  }

  @Test
  void an_explicit_choice_of_the_program_is_kept() {
    String before = System.getProperty("java.awt.headless");
    try {
      System.setProperty("java.awt.headless", "false");
      Headless.ensure();
      assertThat(System.getProperty("java.awt.headless")).isEqualTo("false");
      System.clearProperty("java.awt.headless");
      Headless.ensure();
      assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    } finally {
      System.setProperty("java.awt.headless", before == null ? "true" : before);
    }
  }
}
