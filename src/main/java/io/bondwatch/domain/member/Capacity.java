package io.bondwatch.domain.member;

/**
 * The rate one direction of a link can carry, and where that figure comes from.
 *
 * @param bytesPerSecond capacity; 0 when {@link Source#UNKNOWN}
 * @param source configured by the admin, estimated from observed peaks, or not known yet
 */
public record Capacity(double bytesPerSecond, Source source) {

  public enum Source {
    CONFIGURED,
    ESTIMATED,
    UNKNOWN;

    /** The value of the {@code source} label / status field. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final Capacity UNKNOWN = new Capacity(0, Source.UNKNOWN);

  public Capacity {
    if (source == null) {
      throw new IllegalArgumentException("capacity without a source");
    }
    if (!(bytesPerSecond >= 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("capacity must be finite and >= 0: " + bytesPerSecond);
    }
    if (source == Source.UNKNOWN && bytesPerSecond != 0) {
      throw new IllegalArgumentException("an unknown capacity has no value: " + bytesPerSecond);
    }
    if (source != Source.UNKNOWN && bytesPerSecond == 0) {
      throw new IllegalArgumentException(source.label() + " capacity of 0");
    }
  }

  public static Capacity configured(double bytesPerSecond) {
    return new Capacity(bytesPerSecond, Source.CONFIGURED);
  }

  public boolean known() {
    return source != Source.UNKNOWN;
  }
}
