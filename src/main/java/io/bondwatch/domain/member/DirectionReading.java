package io.bondwatch.domain.member;

/**
 * What one direction of one device has carried, at one moment. Values for metrics and status.
 *
 * @param totalBytes bytes since tracking started, monotonic across counter resets and wraps
 * @param bytesPerSecond rate over the last second; 0 while {@code rateKnown} is false
 * @param rateKnown false until a full second has been observed
 * @param capacity the capacity the bond model uses, with its source
 * @param counterResets times the device's counter restarted (re-created device)
 * @param counterWraps times a 32-bit counter wrapped
 * @param counterResyncs readings that did not continue the counter (refused, or a base undone or
 *     replaced after them): bad reads, or a line faster than its ceiling
 */
public record DirectionReading(
    long totalBytes,
    double bytesPerSecond,
    boolean rateKnown,
    Capacity capacity,
    long counterResets,
    long counterWraps,
    long counterResyncs) {

  public DirectionReading {
    if (totalBytes < 0 || counterResets < 0 || counterWraps < 0 || counterResyncs < 0) {
      throw new IllegalArgumentException("negative total or count");
    }
    if (!(bytesPerSecond >= 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("rate must be finite and >= 0: " + bytesPerSecond);
    }
    if (!rateKnown && bytesPerSecond != 0) {
      throw new IllegalArgumentException("an unknown rate has no value");
    }
    if (capacity == null) {
      throw new IllegalArgumentException("reading without a capacity");
    }
  }
}
