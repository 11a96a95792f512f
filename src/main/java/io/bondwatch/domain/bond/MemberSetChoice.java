package io.bondwatch.domain.bond;

import java.util.List;

/**
 * One member set of a multilink bundle with its modelled figures.
 *
 * @param members member names, in the order they were given
 * @param bundleLoss 1 - product of (1 - member loss): every packet has a fragment on every member
 * @param goodputDown slowest member's download rate x count x g(bundleLoss), bytes per second; NaN
 *     when a member's download capacity is unknown
 * @param goodputUp the same for upload
 */
public record MemberSetChoice(
    List<String> members, double bundleLoss, double goodputDown, double goodputUp) {

  public MemberSetChoice {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a member set needs at least one member");
    }
    if (!(bundleLoss >= 0 && bundleLoss <= 1)
        || !(goodputDown >= 0 || Double.isNaN(goodputDown))
        || !(goodputUp >= 0 || Double.isNaN(goodputUp))) {
      throw new IllegalArgumentException(
          "bad figures: loss " + bundleLoss + ", goodput " + goodputDown + "/" + goodputUp);
    }
  }
}
