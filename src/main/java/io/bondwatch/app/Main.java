package io.bondwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: the {@code bondwatch} command line (README.md, Commands). */
@Command(
    name = "bondwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Watches the member links of a bonded router: pings each member through its own interface,"
          + " follows pppd's log and /proc/net/dev, judges every member up, degraded or down,"
          + " works out what the bond carries and exports it all to Prometheus and a status page.",
      "It observes and reports only: it does not change any link yet."
    },
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      CheckConfigCommand.class,
      PppdEventsCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured picocli command line; tests call this to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::internalError);
    return cl;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * A bug or an unexpected failure: one line for the person at the terminal, the stack trace in the
   * log at debug level ({@code BONDWATCH_LOG_LEVEL=DEBUG}), exit 1.
   */
  private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    org.slf4j.LoggerFactory.getLogger(Main.class).debug("{} failed", cl.getCommandName(), e);
    cl.getErr().println("bondwatch " + cl.getCommandName() + ": failed: " + e);
    cl.getErr().println("(run with BONDWATCH_LOG_LEVEL=DEBUG for the stack trace)");
    cl.getErr().flush();
    return 1;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"bondwatch " + BuildInfo.version()};
    }
  }
}
