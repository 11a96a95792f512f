package io.bondwatch.domain.multilink;

import java.util.Objects;

/**
 * Everything known of one multilink member's own link (DESIGN.md 1b): its underlay device's state,
 * its received frames, its LCP echoes. Not thread-safe: {@link MultilinkWatch} serialises calls.
 */
public final class MemberUnderlay {
  private final String name;
  private final String device;
  private final HeartbeatRule rule;
  private final FrameHeartbeat frames;
  private final EchoTracker echoes = new EchoTracker();
  private LinkObservation link;

  public MemberUnderlay(String name, String device, HeartbeatRule rule) {
    this.name = Objects.requireNonNull(name, "name");
    this.device = Objects.requireNonNull(device, "device");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.frames = new FrameHeartbeat(rule);
  }

  HeartbeatRule rule() {
    return rule;
  }

  public String name() {
    return name;
  }

  public String device() {
    return device;
  }

  public FrameHeartbeat frames() {
    return frames;
  }

  public EchoTracker echoes() {
    return echoes;
  }

  /** The device's latest state; null before the first observation. */
  public LinkObservation link() {
    return link;
  }

  void observe(LinkObservation observation) {
    link = observation;
    if (!observation.present()) {
      frames.absent();
    }
  }

  /** Why the device cannot carry frames, or null (also before anything was observed). */
  public String linkProblem() {
    return link == null ? null : link.problem();
  }

  /** Frames seen, and the latest no older than its heartbeat allows. */
  boolean flowing(long now) {
    long age = frames.ageNanos(now);
    return age >= 0 && age <= frames.thresholdNanos();
  }

  /** Frames seen, and none for longer than the heartbeat allows. */
  boolean silent(long now) {
    return frames.ageNanos(now) > frames.thresholdNanos();
  }
}
