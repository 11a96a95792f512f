package io.bondwatch.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logging set up in code rather than from {@code logback.xml}: logback's XML configurator loads
 * about 500 classes (3.4 MB of a small router's memory) to read a dozen lines. One line per event
 * on standard error, the level from {@code BONDWATCH_LOG_LEVEL} (default INFO). An admin who wants
 * logback's full configuration names a file with {@code -Dlogback.configurationFile=...}, and this
 * configurator steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(System.getenv("BONDWATCH_LOG_LEVEL")));
    root.addAppender(stderr);
    // libraries speak only when something is wrong
    context.getLogger("org.quartz").setLevel(Level.WARN);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The level named, INFO when unset or not a level (a typo must not silence the log). */
  static Level level(String name) {
    return name == null
        ? Level.INFO
        : Level.toLevel(name.strip().toUpperCase(Locale.ROOT), Level.INFO);
  }
}
