package dev.retrograd.demo.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar's draws, from the library's thread, never land between a cleared line and the report line after it. */
class BarDisplayTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);

  /** A console consumer 10 characters wide, as the library's: a carriage return, then the bar. */
  private final ProgressBarConsumer console = new ProgressBarConsumer() {
    @Override
    public int getMaxRenderedLength() {
      return 10;
    }

    @Override
    public void accept(String rendered) {
      out.print("\r" + rendered);
    }

    @Override
    public void close() {
      out.println();
    }
  };

  private final BarDisplay.GuardedConsumer consumer = new BarDisplay.GuardedConsumer(console, out);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_draw_after_the_line_is_cleared_is_dropped_until_the_next_step() {
    consumer.accept("bar 10%");
    consumer.hide();
    consumer.accept("bar 20%");
    out.print("epoch 1/2 ...\n");
    consumer.show();
    consumer.accept("bar 60%");

    assertThat(written()).isEqualTo("\rbar 10%\r          \repoch 1/2 ...\n\rbar 60%");
  }

  @Test
  void every_draw_is_flushed_at_once() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream buffered = new PrintStream(new java.io.BufferedOutputStream(sink, 1 << 16), false,
        StandardCharsets.UTF_8);
    ProgressBarConsumer direct = new ProgressBarConsumer() {
      @Override
      public int getMaxRenderedLength() {
        return 10;
      }

      @Override
      public void accept(String rendered) {
        buffered.print("\r" + rendered);
      }

      @Override
      public void close() {
        buffered.println();
      }
    };

    new BarDisplay.GuardedConsumer(direct, buffered).accept("bar 10%");

    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("\rbar 10%");
  }

  @Test
  void the_line_is_ended_once_and_nothing_is_drawn_after_it() {
    consumer.accept("bar 100%");
    consumer.close();
    consumer.accept("bar 100%");
    consumer.close();
    consumer.hide();

    assertThat(written()).isEqualTo("\rbar 100%\n");
  }
}
