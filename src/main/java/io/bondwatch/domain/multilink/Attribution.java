package io.bondwatch.domain.multilink;

import static io.bondwatch.domain.multilink.Words.seconds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which multilink member is dead, by its own evidence only (DESIGN.md 1b; docs/multilink.md):
 *
 * <ul>
 *   <li>its underlay lost its carrier, went down or is gone;
 *   <li>its frames stopped for longer than its own heartbeat allows while another member received
 *       frames in {@link HeartbeatRule#contrastArrivals()} samples after that allowance ran out,
 *       and the bundle probe says the bundle stalls (or, without that, for a {@link
 *       FrameHeartbeat#longSilenceNanos() long silence});
 *   <li>its LCP echoes go unanswered while another member's are answered, one of them after this
 *       member's first unanswered echo was counted, and the bundle stalls (or {@link #ECHO_ALONE}
 *       in a row).
 * </ul>
 *
 * When the bundle stalls and no member's evidence points at it, that is a bundle-level fault and
 * nobody is blamed. The evidence against a member is always what another member received after this
 * one's own silence was long enough to count: when every line dies within a short spread (real
 * lines do not all die in the same millisecond, and counters are sampled), what the later ones
 * received before they died too proves nothing against the first. Pure.
 */
public final class Attribution {
  /** Unanswered echoes in a row that, with a stalled bundle, name the member. */
  public static final int ECHO_WITH_STALL = 2;

  /** Unanswered echoes in a row that name the member by themselves. */
  public static final int ECHO_ALONE = 10;

  /**
   * The judgement of one moment.
   *
   * @param dead the members whose own evidence says they are dead, with that evidence in words
   * @param bundleFault a stall of the bundle that no member can be blamed for; null when none
   */
  public record Judgement(Map<String, String> dead, String bundleFault) {
    public Judgement {
      dead = Map.copyOf(dead);
    }
  }

  private Attribution() {}

  public static Judgement judge(List<MemberUnderlay> members, BundleProbeView bundle, long now) {
    Map<String, String> dead = new LinkedHashMap<>();
    for (MemberUnderlay m : members) {
      String why = evidence(m, members, bundle, now);
      if (why != null) {
        dead.put(m.name(), why);
      }
    }
    String fault = bundle.stalled() && dead.isEmpty() ? bundleFault(members, bundle, now) : null;
    return new Judgement(dead, fault);
  }

  private static String evidence(
      MemberUnderlay m, List<MemberUnderlay> all, BundleProbeView bundle, long now) {
    String link = m.linkProblem();
    if (link != null) {
      return link;
    }
    FrameHeartbeat f = m.frames();
    if (m.silent(now)) {
      long age = f.ageNanos(now);
      MemberUnderlay other = receivingSince(f.lastFrameNanos() + f.thresholdNanos(), m, all);
      if (other != null && (bundle.stalled() || age >= f.longSilenceNanos())) {
        return "no frames received on "
            + m.device()
            + " for "
            + seconds(age)
            + " (its heartbeat allows "
            + seconds(f.thresholdNanos())
            + ") while "
            + other.name()
            + " received "
            + other.frames().framesAfter(f.lastFrameNanos())
            + "; "
            + bundle.words();
      }
    }
    int unanswered = m.echoes().unansweredInRow();
    if (unanswered >= ECHO_ALONE
        || unanswered >= ECHO_WITH_STALL
            && bundle.stalled()
            && echoesAnsweredSince(m.echoes().unansweredSinceNanos(), m, all)) {
      return unanswered + " LCP echo requests unanswered in a row; " + bundle.words();
    }
    return null;
  }

  /** Another member that received frames in enough samples after {@code since}, or null. */
  private static MemberUnderlay receivingSince(
      long since, MemberUnderlay self, List<MemberUnderlay> all) {
    MemberUnderlay best = null;
    int most = 0;
    for (MemberUnderlay o : all) {
      int n = o == self || o.linkProblem() != null ? 0 : o.frames().arrivalsAfter(since);
      if (n > most) {
        most = n;
        best = o;
      }
    }
    return most >= self.rule().contrastArrivals() ? best : null;
  }

  /** Whether another member's echoes are answered, the last one after {@code since}. */
  private static boolean echoesAnsweredSince(
      long since, MemberUnderlay self, List<MemberUnderlay> all) {
    for (MemberUnderlay o : all) {
      EchoTracker e = o.echoes();
      if (o != self && e.seen() && e.unansweredInRow() == 0 && e.lastReplyNanos() > since) {
        return true;
      }
    }
    return false;
  }

  private static String bundleFault(List<MemberUnderlay> members, BundleProbeView b, long now) {
    List<String> silent = new ArrayList<>();
    List<String> receiving = new ArrayList<>();
    long quiet = Long.MAX_VALUE;
    for (MemberUnderlay m : members) {
      if (m.flowing(now)) {
        receiving.add(m.name());
      } else {
        silent.add(m.name());
        long age = m.frames().ageNanos(now);
        quiet = Math.min(quiet, age < 0 ? Long.MAX_VALUE : age);
      }
    }
    String stalled = "bundle stalled: " + b.words();
    if (receiving.isEmpty()) {
      return stalled
          + " and no member received frames"
          + (quiet == Long.MAX_VALUE ? "" : " for " + seconds(quiet))
          + "; nobody blamed";
    }
    if (silent.isEmpty()) {
      return stalled
          + " while every member receives frames: trouble beyond the bundle; nobody blamed";
    }
    return stalled
        + "; "
        + String.join(", ", silent)
        + " quiet, "
        + String.join(", ", receiving)
        + " receiving, not yet enough to blame; nobody blamed";
  }
}
