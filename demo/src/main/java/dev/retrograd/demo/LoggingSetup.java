package dev.retrograd.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The program's logging, set up in code: logs go to standard error at INFO and above, one line
 * each ({@code WARN  Trainer - ...}); the trainer and the experiments log at WARN only, since the
 * commands print their own line per epoch on standard output.
 *
 * <p>Logback finds it with ServiceLoader ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator})
 * and runs it instead of reading a {@code logback.xml}: the XML machinery it skips is about 600
 * classes, a large share of the start-up of a short command such as {@code retrograd plugins}.
 * <b>A {@code -Dlogback.configurationFile=...} still wins:</b> then this one steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LoggingSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger{0} - %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> standardError = new ConsoleAppender<>();
    standardError.setContext(context);
    standardError.setName("STDERR");
    standardError.setTarget("System.err");
    standardError.setEncoder(encoder);
    standardError.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(standardError);
    context.getLogger("dev.retrograd.train").setLevel(Level.WARN);
    context.getLogger("dev.retrograd.demo.experiment").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
