package io.bondwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: the {@code bondwatch} command line of DESIGN.md 3.1. */
@Command(
    name = "bondwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Watches the member links of a bonded router and acts when one dies, degrades or flaps.",
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
    return cl;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
