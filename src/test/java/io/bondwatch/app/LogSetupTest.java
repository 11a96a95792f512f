package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

  @Test
  void theLevelComesFromItsNameAndATypoFallsBackToInfoRatherThanSilence() {
    assertThat(LogSetup.level("debug")).isEqualTo(Level.DEBUG);
    assertThat(LogSetup.level(" WARN ")).isEqualTo(Level.WARN);
    assertThat(LogSetup.level("verbose")).isEqualTo(Level.INFO);
    assertThat(LogSetup.level(null)).isEqualTo(Level.INFO);
  }

  @Test
  void oneStandardErrorAppenderOnTheRootAndQuietLibraries() {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    assertThat(setup.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void theServiceLogsThroughThisSetupNotLogbacksXmlConfigurator() {
    // the ServiceLoader entry is what makes logback use LogSetup; no logback.xml is shipped
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    assertThat(LogSetupTest.class.getResource("/logback.xml")).isNull();
  }
}
