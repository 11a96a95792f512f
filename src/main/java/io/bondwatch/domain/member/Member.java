package io.bondwatch.domain.member;

import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member link's state machine. Inputs are probe results and pppd session reports; state changes
 * go through {@link MemberTransitions} under one lock, and listeners run after it is released,
 * their failures logged.
 *
 * <p>A member starts DOWN and must earn UP through the restore rule like any returning member. pppd
 * reporting the session down drops it at once, and so does a device of the member that loses its
 * carrier, is set down or deleted; pppd reporting the session up, or the carrier coming back,
 * restores nothing by itself: the probes must agree, counted from then.
 *
 * <p>Its reason is the current cause: a state change gives the words of the rule that made it until
 * the next input; afterwards the reason follows what the probes say now (the latest failure, the
 * restore count, the figures judged), worded only when a snapshot is taken, so probes cost no
 * formatting. The loss shown is the one the reason and the degraded rule use.
 *
 * <p>A member probed through several targets is judged by probe rounds ({@link TargetQuorum}): its
 * targets' results come in through {@link #onTargetProbe} and the rounds they decide go through the
 * same rules as a single target's probes.
 */
public final class Member {
  private static final Logger log = LoggerFactory.getLogger(Member.class);

  private final String name;
  private final MemberPolicy policy;
  private final ProbeHealth health;
  private final TimeSource time;
  private final TargetQuorum quorum; // null: one target, whose results are the probes
  private final List<MemberListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();

  private MemberState state = MemberState.DOWN;
  // the words of the last state change, shown until the next input; then the live reason
  private String reason = MemberReasons.STARTING;
  private boolean reasonIsLive;
  private Instant since;
  private final ProbeRun run = new ProbeRun();
  private long flaps;
  private Boolean sessionUp;
  private String sessionDownWhy;
  private final MemberLinks links = new MemberLinks();
  // a multilink member without probes: what its own evidence says now (null for probed members)
  private UnderlayVerdict underlay;

  public Member(String name, MemberPolicy policy, ProbeHealth health, TimeSource time) {
    this(name, policy, health, null, time);
  }

  /** A member probed through several targets, judged by the rounds of {@code quorum}. */
  public Member(
      String name, MemberPolicy policy, ProbeHealth health, TargetQuorum quorum, TimeSource time) {
    this.name = name;
    this.policy = policy;
    this.health = health;
    this.quorum = quorum;
    this.time = time;
    this.since = time.wallTime();
  }

  public String name() {
    return name;
  }

  public void addListener(MemberListener listener) {
    listeners.add(listener);
  }

  public void onProbe(ProbeResult result) {
    Change change;
    lock.lock();
    try {
      change = judge(result);
    } finally {
      lock.unlock();
    }
    fire(change);
  }

  /**
   * One target's result, for a member probed through several. Returns the rounds it decided, as
   * judged (for the probe metrics, which count rounds as a single target's probes).
   */
  public List<ProbeResult> onTargetProbe(int target, ProbeResult result) {
    if (quorum == null) {
      throw new IllegalStateException("member " + name + " has one target: use onProbe");
    }
    List<Change> changes = new ArrayList<>(0);
    List<ProbeResult> rounds;
    lock.lock();
    try {
      rounds = List.copyOf(quorum.accept(target, result));
      for (ProbeResult round : rounds) {
        Change change = judge(round);
        if (change != null) {
          changes.add(change);
        }
      }
    } finally {
      lock.unlock();
    }
    changes.forEach(this::fire);
    return rounds;
  }

  /** A probe (or round) through the rules; the change it made, if any. Under the lock. */
  private Change judge(ProbeResult result) {
    health.record(result);
    run.record(result);
    MemberState from = state;
    evaluate();
    return changed(from);
  }

  /**
   * The verdict of a member judged by its own evidence instead of probes (DESIGN.md 1b): down when
   * it says dead, restored when frames have flowed for the restore window, pppd does not say the
   * session is down and no device of the member is known to be unable to carry traffic (a link
   * event may come before the verdict that reads the same change from sysfs).
   */
  public void onUnderlay(UnderlayVerdict verdict) {
    Change change;
    lock.lock();
    try {
      underlay = verdict;
      MemberState from = state;
      boolean dead = verdict.kind() == UnderlayVerdict.Kind.DEAD;
      if (state.usable() && dead) {
        moveTo(MemberState.DOWN, verdict.reason());
      } else if ((state == MemberState.DOWN || state == MemberState.SUPPRESSED)
          && verdict.kind() == UnderlayVerdict.Kind.ALIVE
          && !Boolean.FALSE.equals(sessionUp)
          && links.problem() == null) {
        moveTo(MemberState.UP, "restored: " + verdict.reason());
      }
      change = changed(from);
    } finally {
      lock.unlock();
    }
    fire(change);
  }

  /** pppd says the session is down: the member is down now, whatever the probes say. */
  public void onSessionDown(String why) {
    Change change;
    lock.lock();
    try {
      sessionUp = false;
      sessionDownWhy = why;
      run.countAnswersFromNow();
      MemberState from = state;
      if (state.usable() || state == MemberState.SUPPRESSED) {
        moveTo(MemberState.DOWN, "pppd: " + why);
      }
      change = changed(from);
    } finally {
      lock.unlock();
    }
    fire(change);
  }

  /**
   * pppd says the session is up. Recorded only: restoring needs the probes to agree, counted from
   * now, since answers while pppd said down may have come another way.
   */
  public void onSessionUp() {
    lock.lock();
    try {
      if (!Boolean.TRUE.equals(sessionUp)) {
        run.countAnswersFromNow();
      }
      sessionUp = true;
      reasonIsLive = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A device of the member changed (or was seen for the first time). A device that cannot carry
   * traffic makes the member down at once with that reason; once every device can again, answers
   * count for the restore rule from now.
   */
  public void onLink(LinkObservation observation) {
    Change change;
    lock.lock();
    try {
      if (links.update(observation)) {
        run.countAnswersFromNow();
      }
      String problem = links.problem();
      MemberState from = state;
      if (problem != null && (state.usable() || state == MemberState.SUPPRESSED)) {
        moveTo(MemberState.DOWN, problem);
      }
      change = changed(from);
    } finally {
      lock.unlock();
    }
    fire(change);
  }

  private void evaluate() {
    switch (state) {
      case UP, DEGRADED -> {
        if (health.downRuleHolds()) {
          moveTo(MemberState.DOWN, health.downReason());
        } else {
          MemberState target = healthyState();
          if (target != state) {
            moveTo(target, healthReason(target));
          }
        }
      }
      case DOWN, SUPPRESSED -> {
        if (run.answered() >= policy.restoreConsecutiveOk()
            && !Boolean.FALSE.equals(sessionUp)
            && links.problem() == null) {
          health.restored();
          MemberState target = degradedNow(1.0) ? MemberState.DEGRADED : MemberState.UP;
          String restored = "restored after " + run.answered() + " answered probes in a row";
          moveTo(
              target, target == MemberState.UP ? restored : restored + "; " + healthReason(target));
        }
      }
      case DRAINED -> {
        // an operator holds it out; probes keep the statistics fresh and nothing else
      }
    }
  }

  /** A state change, for the listeners once the lock is released. */
  private record Change(MemberSnapshot after, MemberState from) {}

  /** The change for listeners when the state changed; otherwise the reason is live again. */
  private Change changed(MemberState from) {
    if (from != state) {
      return new Change(snapshotLocked(), from);
    }
    reasonIsLive = true;
    return null;
  }

  private String currentReason() {
    String link = links.problem();
    if (link != null && (state == MemberState.DOWN || state == MemberState.SUPPRESSED)) {
      return link; // the most basic cause, for members judged by probes or by their underlay
    }
    if (underlay != null && state != MemberState.DRAINED) {
      boolean sessionDown = Boolean.FALSE.equals(sessionUp);
      boolean flowing = underlay.kind() != UnderlayVerdict.Kind.DEAD;
      return sessionDown && !state.usable()
          ? MemberReasons.pppdDownUnderlay(sessionDownWhy, flowing)
          : underlay.reason();
    }
    return switch (state) {
      case UP, DEGRADED -> {
        String words = MemberReasons.health(state, shownLoss(), health.smoothedRtt(), policy);
        String failing = quorum == null ? null : quorum.failingTargets();
        yield failing == null ? words : words + "; " + failing;
      }
      case DOWN, SUPPRESSED ->
          run.downCause(sessionUp, sessionDownWhy, policy.restoreConsecutiveOk());
      case DRAINED -> reason;
    };
  }

  /**
   * The loss shown with the state: while up or degraded, the loss the degraded rule judges (and the
   * recommended set uses); while down, the loss since the last restore, the outage included.
   */
  private double shownLoss() {
    return state.usable() ? health.degradedLoss() : health.lossSinceRestore();
  }

  private MemberState healthyState() {
    if (state == MemberState.UP) {
      return degradedNow(1.0) ? MemberState.DEGRADED : MemberState.UP;
    }
    return degradedNow(MemberPolicy.RECOVERY_SHARE) ? MemberState.DEGRADED : MemberState.UP;
  }

  private boolean degradedNow(double share) {
    Duration rtt = health.smoothedRtt();
    boolean slow = rtt != null && rtt.toNanos() > policy.degradedRtt().toNanos() * share;
    return slow || health.degradedLoss() > policy.degradedLoss() * share;
  }

  private String healthReason(MemberState target) {
    return MemberReasons.crossed(target, health.degradedLoss(), health.smoothedRtt());
  }

  private void moveTo(MemberState to, String why) {
    MemberTransitions.check(state, to);
    if (to == MemberState.DOWN && state.usable()) {
      flaps++;
    }
    state = to;
    reason = why;
    reasonIsLive = false;
    since = time.wallTime();
  }

  private void fire(Change change) {
    if (change == null) {
      return;
    }
    for (MemberListener l : listeners) {
      try {
        l.onStateChange(change.after(), change.from());
      } catch (RuntimeException e) {
        log.warn("member {}: state listener {} failed", name, l, e);
      }
    }
  }

  public MemberState state() {
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  public MemberSnapshot snapshot() {
    lock.lock();
    try {
      return snapshotLocked();
    } finally {
      lock.unlock();
    }
  }

  private MemberSnapshot snapshotLocked() {
    return new MemberSnapshot(
        name,
        state,
        reasonIsLive ? currentReason() : reason,
        since,
        health.smoothedRtt(),
        health.jitter(),
        shownLoss(),
        health.baselineLoss(),
        health.sent(),
        health.lost(),
        flaps,
        sessionUp,
        health.requiredMisses(),
        health.consecutiveLost(),
        run.answered(),
        quorum == null ? List.of() : quorum.snapshots(),
        links.all());
  }
}
