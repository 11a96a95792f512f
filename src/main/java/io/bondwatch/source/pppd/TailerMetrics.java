package io.bondwatch.source.pppd;

/**
 * Counters of a line source, bound to Micrometer by the wiring. Every method defaults to doing
 * nothing, so a source works without metrics.
 */
public interface TailerMetrics {

  TailerMetrics NONE = new TailerMetrics() {};

  /** Lines handed to the consumer. */
  default void linesRead(int count) {}

  /** A line longer than the cap was cut to the cap and the rest of it skipped. */
  default void lineCapped() {}

  /** The followed file was replaced (rename, delete and re-create) or truncated in place. */
  default void rotation(RotationKind kind) {}

  /** Bytes read from a rotated copy to recover what was not read before a rotation. */
  default void bytesRecovered(long bytes) {}

  /** How the followed file changed under the tailer. */
  enum RotationKind {
    /** The path now names another file (rename and create, or delete and re-create). */
    REPLACED,
    /** The file shrank or its bytes changed in place (copytruncate). */
    TRUNCATED
  }
}
