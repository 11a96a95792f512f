package io.bondwatch.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Watches the service from outside while faults are injected and records every broken promise:
 * {@code /-/healthy} slower than a second, a member down for longer than the restore rule needs
 * while its link works, exported bytes above what was really counted plus one resync.
 */
final class InvariantMonitor implements AutoCloseable {
  /** How long a member may stay down while its link works: restore rule, ping restart, slack. */
  static final Duration MAX_DOWN_WHILE_WORKING = Duration.ofSeconds(10);

  /**
   * One resync's worth of bytes: what the configured 5 Mbit/s (receive) can carry over a sample
   * interval plus a second of slack, with room for a second such step.
   */
  static final double RESYNC_BYTES = 2 * 625_000.0 * 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChaosRig rig;
  private final long startNanos = System.nanoTime();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<String, Long> linkFaultUntil = new ConcurrentHashMap<>();
  private final Map<String, Long> downSince = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean paused = true;
  private volatile boolean running = true;
  private volatile String lastScrape = "";
  private long checks;
  private long maxHealthyMillis;

  InvariantMonitor(ChaosRig rig) {
    this.rig = rig;
    thread = new Thread(this::loop, "chaos-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops checking (the process is being killed or restarted on purpose). */
  void pause() {
    paused = true;
  }

  void resume() {
    downSince.clear();
    reported.clear();
    paused = false;
  }

  /** A link fault on the member is in progress: it may be down, and then gets the full bound. */
  void linkFault(String member) {
    linkFaultUntil.put(member, Long.MAX_VALUE);
  }

  void linkWorks(String member) {
    linkFaultUntil.put(member, System.nanoTime());
  }

  void violation(String what) {
    String v = String.format("t=%.1fs %s", (System.nanoTime() - startNanos) / 1e9, what);
    System.err.println("VIOLATION " + v);
    violations.add(v);
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  String lastScrape() {
    return lastScrape;
  }

  String summary() {
    return "checks=" + checks + " max /-/healthy " + maxHealthyMillis + " ms";
  }

  private void loop() {
    long tick = 0;
    while (running) {
      try {
        TimeUnit.MILLISECONDS.sleep(250);
        if (paused) {
          continue;
        }
        tick++;
        checkHealthy();
        if (tick % 2 == 0) {
          checkMembers();
        }
        if (tick % 4 == 0) {
          checkBytes();
        }
        checks++;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        violation("monitor failed: " + e);
      }
    }
  }

  private HttpResponse<String> get(String path, Duration timeout) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.port() + path))
            .timeout(timeout)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void checkHealthy() {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = get("/-/healthy", Duration.ofSeconds(1));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      maxHealthyMillis = Math.max(maxHealthyMillis, ms);
      if (paused) {
        return;
      }
      if (r.statusCode() != 200) {
        violation("/-/healthy answered " + r.statusCode());
      } else if (ms > 1000) {
        violation("/-/healthy took " + ms + " ms");
      }
    } catch (Exception e) {
      if (!paused) {
        violation("/-/healthy did not answer within 1 s: " + e);
      }
    }
  }

  private void checkMembers() {
    JsonNode status;
    try {
      HttpResponse<String> r = get("/api/v1/status", Duration.ofSeconds(2));
      status = JSON.readTree(r.body());
    } catch (Exception e) {
      if (!paused) {
        violation("/api/v1/status did not answer within 2 s: " + e);
      }
      return;
    }
    long now = System.nanoTime();
    for (JsonNode m : status.get("members")) {
      String name = m.get("name").asText();
      String state = m.get("state").asText();
      if (!"down".equals(state)) {
        downSince.remove(name);
        reported.remove(name);
        continue;
      }
      long since = downSince.computeIfAbsent(name, k -> now);
      long workingSince =
          Math.max(Math.max(since, rig.readyNanos()), linkFaultUntil.getOrDefault(name, 0L));
      long downFor = now - workingSince;
      if (downFor > MAX_DOWN_WHILE_WORKING.toNanos() && reported.putIfAbsent(name, true) == null) {
        violation(
            "member "
                + name
                + " down for "
                + TimeUnit.NANOSECONDS.toMillis(downFor)
                + " ms while its link works ("
                + m.get("reason").asText()
                + ")");
      }
    }
  }

  /** Exported totals never exceed the bytes that really passed, plus one resync. */
  void checkBytes() {
    String scrape;
    try {
      scrape = get("/metrics", Duration.ofSeconds(2)).body();
    } catch (Exception e) {
      if (!paused) {
        violation("/metrics did not answer within 2 s: " + e);
      }
      return;
    }
    if (paused) {
      return;
    }
    lastScrape = scrape;
    for (int i = 0; i < ChaosRig.MEMBERS.size(); i++) {
      String member = "member=\"" + ChaosRig.MEMBERS.get(i) + "\"";
      compare(scrape, "bondwatch_member_receive_bytes_total", member, rig.trueRxSinceStart(i));
      compare(scrape, "bondwatch_member_transmit_bytes_total", member, rig.trueTxSinceStart(i));
    }
  }

  private void compare(String scrape, String metric, String member, long trueBytes) {
    OptionalDouble exported = ChaosRig.sample(scrape, metric, member);
    if (exported.isEmpty()) {
      violation(metric + "{" + member + "} missing from /metrics");
    } else if (exported.getAsDouble() > trueBytes + RESYNC_BYTES) {
      violation(
          String.format(
              "%s{%s} = %.0f, but only %d bytes passed since start (+%.0f allowed)",
              metric, member, exported.getAsDouble(), trueBytes, RESYNC_BYTES));
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
