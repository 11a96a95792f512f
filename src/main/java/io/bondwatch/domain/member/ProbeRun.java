package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;

/**
 * The current run of one member's probes: answered in a row, failed in a row and the latest
 * failure, which is what a member that is down gives as its reason. Not thread-safe: the member's
 * lock serialises calls.
 */
final class ProbeRun {
  private int answered;
  private int failed;
  private ProbeResult latestFailure;
  private boolean probed;

  void record(ProbeResult r) {
    probed = true;
    if (r.ok()) {
      answered++;
      failed = 0;
    } else {
      answered = 0;
      failed++;
      latestFailure = r;
    }
  }

  /** Answers from now on count for the restore rule, not those before (pppd changed its mind). */
  void countAnswersFromNow() {
    answered = 0;
  }

  /** Probes answered in a row, up to now. */
  int answered() {
    return answered;
  }

  /** Why a member that is down is down now, given what pppd says of its session. */
  String downCause(Boolean sessionUp, String sessionDownWhy, int restoreConsecutiveOk) {
    if (Boolean.FALSE.equals(sessionUp)) {
      return MemberReasons.pppdDown(sessionDownWhy, answered > 0);
    }
    if (!probed) {
      return MemberReasons.STARTING;
    }
    if (failed == 0) {
      return MemberReasons.restoring(answered, restoreConsecutiveOk);
    }
    return MemberReasons.failing(failed, latestFailure);
  }
}
