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

  /** The log path began to name something that is not a regular file (counted once per change). */
  default void notRegular(FileKind kind) {}

  /** The newest checkpoint was unusable at start; what the source did instead. */
  default void checkpointFallback(CheckpointFallback outcome) {}

  /** How the followed file changed under the tailer. */
  enum RotationKind {
    /** The path now names another file (rename and create, or delete and re-create). */
    REPLACED,
    /** The file shrank or its bytes changed in place (copytruncate). */
    TRUNCATED
  }

  /** What a source does when its newest checkpoint cannot be used. */
  enum CheckpointFallback {
    /**
     * One generation was unusable and the other was taken; when the unusable one was the newer, the
     * lines since the other are delivered again.
     */
    OTHER_GENERATION,
    /** No generation was usable: read from the start rather than lose lines. */
    FROM_START
  }
}
