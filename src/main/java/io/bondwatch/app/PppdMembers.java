package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.source.pppd.MemberMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** How pppd log lines find configured members. */
final class PppdMembers {
  private PppdMembers() {}

  /**
   * A member's {@code pppd:} match; without one, pppd is expected to run over the member's
   * interface ({@code Connect: ... <--> eth1}, {@code Starting negotiation on eth1}).
   */
  static List<MemberMatch> of(BondwatchConfig cfg) {
    return cfg.members().stream().map(PppdMembers::match).toList();
  }

  private static MemberMatch match(MemberConfig m) {
    if (m.pppd() == null) {
      return new MemberMatch(m.name(), m.interfaceName(), null, null);
    }
    return new MemberMatch(m.name(), m.pppd().device(), m.pppd().ifname(), m.pppd().linkname());
  }

  /** For {@code pppd-events --config}: the matches, or an exception carrying every problem. */
  static List<MemberMatch> load(Path file) {
    ConfigResult r = ConfigLoader.load(file);
    if (r instanceof ConfigResult.Valid v) {
      return of(v.config());
    }
    throw new IllegalArgumentException(
        r.problems().stream().map(ConfigProblem::render).collect(Collectors.joining("\n")));
  }
}
