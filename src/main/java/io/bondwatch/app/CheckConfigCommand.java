package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bondwatch check-config}: validates a config file without starting anything. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Checks a config file: YAML syntax, every key and value, and the rules between sections.",
      "Exit 0 and a one-line summary on stdout when valid; otherwise exit 2 and one line per "
          + "problem on stderr: key path (0-based list indexes), what is wrong, YAML line.",
      "Placeholders left in a valid config (documentation addresses such as 192.0.2.1, TODO) "
          + "are warned about on stderr, one line each; the exit code stays 0.",
      "The actuator, reports, storage, policy.drop and policy.damping sections are checked now "
          + "but only acted on by later versions."
    })
public final class CheckConfigCommand implements Callable<Integer> {
  static final int INVALID = 2;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "/etc/bondwatch/bondwatch.yml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigResult.Valid valid = ConfigCli.loadOrReport(config, err);
    if (valid == null) {
      return INVALID;
    }
    for (ConfigProblem w : valid.warnings()) {
      err.println("warning: " + w.render());
    }
    err.flush();
    out.println(summary(config, valid.config()));
    out.flush();
    return 0;
  }

  static String summary(Path file, BondwatchConfig c) {
    String members =
        c.members().stream()
            .map(m -> m.name() + " on " + m.interfaceName())
            .collect(Collectors.joining(", "));
    return String.format(
        "ok: %s: %d member%s (%s), bond %s (%s), actuator %s, %d report%s",
        file,
        c.members().size(),
        c.members().size() == 1 ? "" : "s",
        members,
        c.bond().name(),
        spelling(c.bond().mode()),
        spelling(c.actuator().type()),
        c.reports().size(),
        c.reports().size() == 1 ? "" : "s");
  }

  private static String spelling(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
