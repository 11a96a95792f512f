package io.bondwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * The demo's syslog: what one multilink pppd per simulated member would write, so the real tailer,
 * parser and attribution run too. A member whose link stays dead for {@link #ECHO_FAILURE_SECONDS}
 * logs an LCP echo failure and exits; when the link is back a new pppd (new pid) joins the bundle
 * again. Shorter outages go unnoticed by pppd, as they would.
 */
final class SimulatedPppdLog {
  /** lcp-echo-interval 1 x lcp-echo-failure 4, as many DSL setups use. */
  static final double ECHO_FAILURE_SECONDS = 4;

  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

  /** One simulated pppd: its member's device and whether its link is alive at a moment. */
  record Link(String device, DoublePredicate alive) {}

  private final Path file;
  private final List<Link> links;
  private final int[] pids;
  private final boolean[] sessionUp;
  private final double[] deadSince;
  private int nextPid = 4200;
  private boolean bundle;

  SimulatedPppdLog(Path file, List<Link> links) {
    this.file = file;
    this.links = List.copyOf(links);
    this.pids = new int[links.size()];
    this.sessionUp = new boolean[links.size()];
    this.deadSince = new double[links.size()];
  }

  Path file() {
    return file;
  }

  /** Appends what the pppds log up to {@code seconds} after start, stamped {@code wall}. */
  synchronized void writeAt(double seconds, LocalDateTime wall) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      boolean alive = l.alive().test(seconds);
      if (alive) {
        deadSince[i] = -1;
        if (!sessionUp[i]) {
          pids[i] = nextPid++;
          say(out, wall, i, "Starting negotiation on " + l.device());
          say(out, wall, i, "PPP session is " + (1000 + pids[i]));
          say(out, wall, i, "Using interface ppp0");
          say(out, wall, i, bundle ? "Link attached to ppp0" : "New bundle ppp0 created");
          bundle = true;
          sessionUp[i] = true;
        }
      } else if (sessionUp[i]) {
        if (deadSince[i] < 0) {
          deadSince[i] = seconds;
        } else if (seconds - deadSince[i] >= ECHO_FAILURE_SECONDS) {
          say(out, wall, i, "No response to 4 echo-requests");
          say(out, wall, i, "Serial link appears to be disconnected.");
          say(out, wall, i, "Link terminated.");
          say(out, wall, i, "Exit.");
          sessionUp[i] = false;
        }
      }
    }
    if (out.isEmpty()) {
      return;
    }
    try {
      Files.writeString(
          file,
          String.join("", out),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("demo: cannot append to " + file, e);
    }
  }

  private void say(List<String> out, LocalDateTime wall, int i, String message) {
    out.add(SYSLOG.format(wall) + " demo pppd[" + pids[i] + "]: " + message + "\n");
  }

  static LocalDateTime utc(java.time.Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
