package io.bondwatch.domain.member;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a multilink member's own evidence says at one moment (DESIGN.md 1b): its underlay's carrier
 * and frames, its LCP echoes, the bundle probe. The input of a member judged without probes.
 *
 * @param kind dead (down now), restoring (frames flowing, not yet for the restore window) or alive
 * @param words the reason, worded only when it is read: most verdicts change nothing
 */
public record UnderlayVerdict(Kind kind, Supplier<String> words) {
  public enum Kind {
    /** Its own evidence says the member is dead. */
    DEAD,
    /** Not dead, but frames have not flowed for the whole restore window (or not at all). */
    RESTORING,
    /** Frames have flowed for the restore window. */
    ALIVE
  }

  public UnderlayVerdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(words, "words");
  }

  public String reason() {
    return words.get();
  }
}
