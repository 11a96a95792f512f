package io.bondwatch.source.probe;

/** Probing cannot work at all on this host (ping missing, not iputils, or not permitted). */
public final class ProbeUnavailableException extends RuntimeException {
  public ProbeUnavailableException(String oneLineMessage) {
    super(oneLineMessage);
  }
}
