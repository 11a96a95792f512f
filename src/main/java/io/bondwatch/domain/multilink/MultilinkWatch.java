package io.bondwatch.domain.multilink;

import static io.bondwatch.domain.multilink.Words.seconds;

import io.bondwatch.domain.member.UnderlayVerdict;
import io.bondwatch.domain.member.UnderlayVerdict.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The multilink members judged by their own evidence (DESIGN.md 1b): fed with counter readings,
 * link observations, LCP echoes and session changes as they come, it judges every member after each
 * ({@link Attribution}) and hands each its {@link UnderlayVerdict}. A member is restored once its
 * frames have flowed for the restore window, counted again from a session that comes up.
 *
 * <p>Synchronous and pure apart from its lock: every input carries its monotonic time; the sources
 * call it from their threads, verdicts are delivered in order under the lock.
 */
public final class MultilinkWatch {

  /** Where a member's verdict goes (the member model). */
  @FunctionalInterface
  public interface VerdictSink {
    void verdict(String member, UnderlayVerdict verdict);
  }

  private final Map<String, MemberUnderlay> members = new LinkedHashMap<>();
  private final Map<String, Long> flowingSince = new LinkedHashMap<>();
  private final long restoreNanos;
  private final Supplier<BundleProbeView> bundle;
  private final VerdictSink sink;
  private Attribution.Judgement last = new Attribution.Judgement(Map.of(), null);
  private long judgedAt = Long.MIN_VALUE;

  /**
   * @param members name to underlay device, in config order
   * @param restoreWindow how long frames must flow before a dead member is alive again
   * @param bundle the bundle probe's verdict now
   */
  public MultilinkWatch(
      Map<String, String> members,
      HeartbeatRule rule,
      Duration restoreWindow,
      Supplier<BundleProbeView> bundle,
      VerdictSink sink) {
    members.forEach(
        (name, device) -> this.members.put(name, new MemberUnderlay(name, device, rule)));
    this.restoreNanos = restoreWindow.toNanos();
    this.bundle = bundle;
    this.sink = sink;
  }

  /** The devices watched, in member order. */
  public synchronized List<String> devices() {
    return members.values().stream().map(MemberUnderlay::device).toList();
  }

  /** A reading of a member's underlay: its state, and its received-packet counter (-1: none). */
  public synchronized void onSample(String member, LinkObservation link, long rxPackets, long now) {
    MemberUnderlay m = members.get(member);
    if (m == null) {
      return;
    }
    m.observe(link);
    if (link.present() && rxPackets >= 0) {
      m.frames().observe(now, rxPackets);
    }
  }

  /** A link event for a device (carrier, operstate, ifindex): judged at once. */
  public synchronized void onLink(LinkObservation link, long now) {
    for (MemberUnderlay m : members.values()) {
      if (m.device().equals(link.device())) {
        m.observe(link);
      }
    }
    evaluate(now);
  }

  /** An LCP echo request ({@code request}) or reply of a member's pppd. */
  public synchronized void onEcho(String member, Integer pid, boolean request, int id, long now) {
    MemberUnderlay m = members.get(member);
    if (m == null) {
      return;
    }
    if (request) {
      m.echoes().onRequest(pid, id, now);
    } else {
      m.echoes().onReply(pid, id, now);
    }
  }

  /** pppd reported the member's session up: frames count for restoring from now on. */
  public synchronized void onSessionUp(String member, long now) {
    if (flowingSince.containsKey(member)) {
      flowingSince.put(member, now);
    }
  }

  /** pppd reported the member's session down: its pending echoes can no longer be answered. */
  public synchronized void onSessionDown(String member) {
    MemberUnderlay m = members.get(member);
    if (m != null) {
      m.echoes().reset();
    }
  }

  /**
   * Judges every member now and hands each its verdict. Inputs come from several threads, each
   * stamped before it got the lock: one stamped before the last judgement is judged at that moment,
   * since a frame seen after {@code now} would read as no frame at all.
   */
  public synchronized void evaluate(long now) {
    judgedAt = Math.max(now, judgedAt);
    BundleProbeView b = bundle.get();
    last = Attribution.judge(List.copyOf(members.values()), b, judgedAt);
    for (MemberUnderlay m : members.values()) {
      sink.verdict(m.name(), verdict(m, b, judgedAt));
    }
  }

  private UnderlayVerdict verdict(MemberUnderlay m, BundleProbeView b, long now) {
    String dead = last.dead().get(m.name());
    if (dead != null || b.stalled() && m.silent(now)) {
      m.frames().outage();
    }
    if (dead != null) {
      flowingSince.remove(m.name());
      return new UnderlayVerdict(Kind.DEAD, () -> dead);
    }
    FrameHeartbeat f = m.frames();
    long age = f.ageNanos(now);
    long allowed = f.thresholdNanos();
    if (!m.flowing(now)) {
      flowingSince.remove(m.name());
      String device = m.device();
      return new UnderlayVerdict(
          Kind.RESTORING,
          () ->
              age < 0
                  ? "waiting for frames on " + device + " (none since start)"
                  : "quiet: no frames on "
                      + device
                      + " for "
                      + seconds(age)
                      + " (its heartbeat allows "
                      + seconds(allowed)
                      + "); "
                      + b.words());
    }
    long since = flowingSince.computeIfAbsent(m.name(), k -> now);
    long flowed = now - since;
    // this moment's figures, worded only if someone reads them (most verdicts change nothing)
    EchoTracker e = m.echoes();
    Figures figures =
        new Figures(m.device(), f.typicalGapNanos(), age, allowed, e.smoothedRtt(), e.loss());
    if (flowed >= restoreNanos) {
      return new UnderlayVerdict(Kind.ALIVE, figures::words);
    }
    long window = restoreNanos;
    return new UnderlayVerdict(
        Kind.RESTORING,
        () ->
            "restoring: frames flowing for "
                + seconds(flowed)
                + " of "
                + seconds(window)
                + "; "
                + figures.words());
  }

  private record Figures(
      String device, long gap, long age, long allowed, Duration echoRtt, double echoLoss) {
    String words() {
      String s =
          "frames on "
              + device
              + " every "
              + seconds(gap)
              + ", last "
              + seconds(age)
              + " ago (silence allowed "
              + seconds(allowed)
              + ")";
      if (echoRtt != null) {
        s +=
            String.format(
                java.util.Locale.ROOT,
                "; LCP echo rtt %.1f ms, %.0f%% unanswered",
                echoRtt.toNanos() / 1e6,
                echoLoss * 100);
      }
      return s;
    }
  }

  /** A stall of the bundle no member can be blamed for, as of the last evaluation; null if none. */
  public synchronized String bundleFault() {
    return last.bundleFault();
  }

  /** Seconds since the member's underlay last received a frame; NaN before one or if unknown. */
  public synchronized double frameAgeSeconds(String member, long now) {
    MemberUnderlay m = members.get(member);
    long age = m == null ? -1 : m.frames().ageNanos(now);
    return age < 0 ? Double.NaN : age / 1e9;
  }

  /** What the status API shows of a member's evidence; null for a member not watched. */
  public synchronized UnderlayStatus status(String member, long now) {
    MemberUnderlay m = members.get(member);
    return m == null ? null : UnderlayStatus.of(m, now);
  }

  /** The members watched. */
  public synchronized List<String> members() {
    return new ArrayList<>(members.keySet());
  }
}
