package io.bondwatch.domain.multilink;

/**
 * A multilink member's evidence as the status API shows it.
 *
 * @param device the underlay
 * @param operstate as last observed; null before
 * @param carrier as last observed; null when unknown
 * @param frameAgeSeconds since the last frame; null before one
 * @param heartbeatSeconds the usual gap between frames; null before two
 * @param silenceAllowedSeconds the silence the heartbeat allows now
 * @param echoRttSeconds smoothed LCP echo RTT; null without pppd echo dumps
 * @param echoLoss share of the last echoes unanswered; null without
 * @param echoUnansweredInRow echoes unanswered in a row now
 */
public record UnderlayStatus(
    String device,
    String operstate,
    Boolean carrier,
    Double frameAgeSeconds,
    Double heartbeatSeconds,
    double silenceAllowedSeconds,
    Double echoRttSeconds,
    Double echoLoss,
    int echoUnansweredInRow) {

  static UnderlayStatus of(MemberUnderlay m, long now) {
    FrameHeartbeat f = m.frames();
    EchoTracker e = m.echoes();
    long age = f.ageNanos(now);
    LinkObservation l = m.link();
    return new UnderlayStatus(
        m.device(),
        l == null ? null : l.present() ? l.operstate() : "absent",
        l == null ? null : l.carrier(),
        age < 0 ? null : age / 1e9,
        f.gapsSeen() == 0 ? null : f.typicalGapNanos() / 1e9,
        f.thresholdNanos() / 1e9,
        e.smoothedRtt() == null ? null : e.smoothedRtt().toNanos() / 1e9,
        Double.isNaN(e.loss()) ? null : e.loss(),
        e.unansweredInRow());
  }
}
