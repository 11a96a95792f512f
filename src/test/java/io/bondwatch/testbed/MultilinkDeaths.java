package io.bondwatch.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Silent member deaths on a {@link MultilinkBed} watched by a running bondwatch, alternating
 * between members: for each, when the dead member was named down (its state change's own time in
 * the status API, against the moment of the kill) and whether any other member went down meanwhile.
 */
public final class MultilinkDeaths {
  /**
   * One death.
   *
   * @param victim the member killed
   * @param detectedSeconds from the kill to its state change; negative when not seen within the
   *     limit
   * @param wrongDowns downs of the other members between the kill and the victim's restore
   * @param reason the victim's reason once down
   */
  public record Death(String victim, double detectedSeconds, int wrongDowns, String reason) {}

  private static final Duration DETECT_LIMIT = Duration.ofSeconds(15);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

  private final MultilinkBed bed;
  private final BondwatchProcess bw;
  private final Random phase = new Random();

  public MultilinkDeaths(MultilinkBed bed, BondwatchProcess bw) {
    this.bed = bed;
    this.bw = bw;
  }

  /** Runs {@code n} deaths, printing each as it ends. */
  public List<Death> run(int n, PrintStream out) throws IOException, InterruptedException {
    List<Death> deaths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int victim = i % bed.members();
      Death d = once(victim);
      deaths.add(d);
      out.printf(
          Locale.ROOT,
          "death %2d/%d %s: %s, other members down %d; %s%n",
          i + 1,
          n,
          d.victim(),
          d.detectedSeconds() < 0
              ? "NOT named down within " + DETECT_LIMIT.toSeconds() + " s"
              : String.format(Locale.ROOT, "named down in %.3f s", d.detectedSeconds()),
          d.wrongDowns(),
          d.reason());
    }
    return deaths;
  }

  private Death once(int victim) throws IOException, InterruptedException {
    String name = "dsl" + (victim + 1);
    awaitAllUp();
    // the wait above ends on a poll; a random phase spreads the kills over the heartbeat
    Thread.sleep(50 + phase.nextInt(400));
    long[] flapsBefore = flaps();
    Instant kill = Instant.now();
    bed.silence(victim);
    double detected = -1;
    String reason = "";
    long giveUp = System.nanoTime() + DETECT_LIMIT.toNanos();
    while (System.nanoTime() < giveUp) {
      JsonNode m = member(bw.status(), name);
      if ("down".equals(m.get("state").asText())) {
        detected = Duration.between(kill, Instant.parse(m.get("since").asText())).toNanos() / 1e9;
        reason = m.get("reason").asText();
        break;
      }
      Thread.sleep(50);
    }
    bed.revive(victim);
    awaitAllUp();
    long[] flapsAfter = flaps();
    int wrong = 0;
    for (int i = 0; i < flapsAfter.length; i++) {
      if (i != victim) {
        wrong += (int) (flapsAfter[i] - flapsBefore[i]);
      }
    }
    return new Death(name, detected, wrong, reason);
  }

  private void awaitAllUp() throws IOException, InterruptedException {
    long giveUp = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (true) {
      JsonNode s = bw.status();
      boolean allUp = true;
      for (JsonNode m : s.get("members")) {
        allUp &= "up".equals(m.get("state").asText());
      }
      if (allUp) {
        return;
      }
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("members not all up within " + SETTLE_LIMIT + ": " + s);
      }
      Thread.sleep(100);
    }
  }

  private long[] flaps() throws IOException {
    JsonNode s = bw.status();
    long[] f = new long[bed.members()];
    for (int i = 0; i < f.length; i++) {
      f[i] = member(s, "dsl" + (i + 1)).get("flaps").asLong();
    }
    return f;
  }

  private static JsonNode member(JsonNode status, String name) {
    for (JsonNode m : status.get("members")) {
      if (name.equals(m.get("name").asText())) {
        return m;
      }
    }
    throw new IllegalStateException("no member " + name + " in " + status);
  }
}
