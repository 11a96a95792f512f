package io.bondwatch.domain.bond;

/**
 * What the optimizer knows of one candidate member.
 *
 * @param name member name from the config
 * @param downBytesPerSecond capacity in use for the download direction; NaN while unknown
 * @param upBytesPerSecond capacity in use for the upload direction; NaN while unknown
 * @param loss probe loss ratio over the policy window, 0..1
 */
public record MemberQuality(
    String name, double downBytesPerSecond, double upBytesPerSecond, double loss) {

  public MemberQuality {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("member without a name");
    }
    // an unknown rate passed as 0 would make every set with this member worth 0 and drop it for
    // lack of data: unknown is NaN, which the optimizer knows how to treat
    if (!(downBytesPerSecond > 0 || Double.isNaN(downBytesPerSecond))
        || !(upBytesPerSecond > 0 || Double.isNaN(upBytesPerSecond))) {
      throw new IllegalArgumentException(
          "member "
              + name
              + ": rates must be > 0, or NaN while unknown, not "
              + downBytesPerSecond
              + "/"
              + upBytesPerSecond);
    }
    if (Double.isInfinite(downBytesPerSecond) || Double.isInfinite(upBytesPerSecond)) {
      throw new IllegalArgumentException("member " + name + ": infinite rate");
    }
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("member " + name + ": loss must be in [0, 1]: " + loss);
    }
  }
}
