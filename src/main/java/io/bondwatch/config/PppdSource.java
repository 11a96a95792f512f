package io.bondwatch.config;

import java.nio.file.Path;

/** {@code sources.pppd:} exactly one of {@code log: /path} or {@code journal: true}. */
public record PppdSource(Path log, boolean journal) {
  public PppdSource {
    Checks c = new Checks();
    c.require(log != null || journal, "", null, "needs either log: <file> or journal: true");
    c.require(log == null || !journal, "", null, "has both log and journal: true; choose one");
    c.throwIfAny();
  }
}
