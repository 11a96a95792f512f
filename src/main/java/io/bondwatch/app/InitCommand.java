package io.bondwatch.app;

import io.bondwatch.app.init.DefaultRoutes;
import io.bondwatch.app.init.Discovered;
import io.bondwatch.app.init.Nexthop;
import io.bondwatch.app.init.NotMembers;
import io.bondwatch.app.init.PppdDiscovery;
import io.bondwatch.app.init.PppdProcess;
import io.bondwatch.app.init.StarterConfig;
import io.bondwatch.source.netdev.NetDevCounters;
import io.bondwatch.source.netdev.NetDevFile;
import io.bondwatch.source.netdev.NetDevParser;
import io.bondwatch.source.netdev.NetDevSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bondwatch init}: prints a commented starter config from what this host runs. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Print a commented starter config from the interfaces, pppd processes and default routes"
            + " found on this host.")
public final class InitCommand implements Callable<Integer> {

  @Option(names = "--proc-net-dev", defaultValue = "/proc/net/dev", hidden = true)
  Path procNetDev;

  @Option(names = "--run-dir", defaultValue = "/var/run", hidden = true)
  Path runDir;

  @Option(names = "--proc", defaultValue = "/proc", hidden = true)
  Path procDir;

  @Option(names = "--peers-dir", defaultValue = "/etc/ppp/peers", hidden = true)
  Path peersDir;

  @Option(
      names = "--ip",
      defaultValue = "ip",
      hidden = true,
      description = "ip command; tests point it at a script")
  String ip;

  @Option(
      names = "--syslog",
      split = ",",
      defaultValue = "/var/log/messages,/var/log/syslog",
      hidden = true)
  List<Path> syslogs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    List<String> interfaces = new ArrayList<>();
    try {
      NetDevSnapshot snap = NetDevParser.parse(NetDevFile.at(procNetDev).read());
      snap.problems().forEach(p -> problems.add(procNetDev + " " + p));
      for (NetDevCounters c : snap.interfaces()) {
        if (!c.name().equals("lo")) {
          interfaces.add(c.name());
        }
      }
    } catch (IOException e) {
      problems.add(procNetDev + ": " + e);
    }
    Set<String> known = new LinkedHashSet<>(interfaces);
    PppdDiscovery pppd = new PppdDiscovery(runDir, procDir, peersDir);
    List<PppdProcess> pppds = pppd.discover(known);
    problems.addAll(pppd.problems());
    List<Nexthop> hops =
        ipJson(
            "default routes",
            DefaultRoutes::parse,
            List.of(),
            problems,
            "-j",
            "route",
            "show",
            "default");
    Map<String, String> notMembers =
        ipJson(
            "interface kinds", NotMembers::parse, Map.of(), problems, "-j", "-d", "link", "show");
    String log =
        syslogs.stream().filter(Files::isReadable).map(Path::toString).findFirst().orElse(null);
    String yaml =
        StarterConfig.render(
            new Discovered(
                interfaces, notMembers, pppds, hops, procNetDev.toString(), log, problems),
            bundleHints(log, problems));
    PrintWriter out = spec.commandLine().getOut();
    out.print(yaml);
    out.flush();
    return 0;
  }

  /** The bundle and peer pppd logged, from the last 1 MiB of its log; none without a log. */
  private static io.bondwatch.app.init.BundleHints bundleHints(String log, List<String> problems) {
    if (log == null) {
      return io.bondwatch.app.init.BundleHints.NONE;
    }
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log, "r")) {
      long from = Math.max(0, f.length() - (1 << 20));
      byte[] tail = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(tail);
      return io.bondwatch.app.init.BundleHints.scan(new String(tail, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(log + ": " + e.getMessage());
      return io.bondwatch.app.init.BundleHints.NONE;
    }
  }

  /**
   * Runs {@code ip ARGS} and parses its JSON; a failing or missing ip is a comment, not an error.
   */
  private <T> T ipJson(
      String what, Function<String, T> parse, T none, List<String> problems, String... args) {
    List<String> cmd = new ArrayList<>(List.of(ip));
    cmd.addAll(List.of(args));
    String shown = "'" + String.join(" ", cmd) + "'";
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        problems.add(shown + " did not finish in 5 s");
        return none;
      }
      if (p.exitValue() != 0) {
        problems.add(shown + " exited " + p.exitValue());
        return none;
      }
      return parse.apply(out);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(what + ": " + e.getMessage());
      return none;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add(what + ": interrupted");
      return none;
    }
  }
}
