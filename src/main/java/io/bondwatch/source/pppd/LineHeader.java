package io.bondwatch.source.pppd;

/**
 * The prefix of a pppd-family line: where the message starts and what the prefix said.
 *
 * @param tag which program logged it
 * @param time ISO 8601 text of the timestamp, or null when the line has none
 * @param pid process id, or null when the line has none
 * @param messageStart index of the first message character in the line
 * @param problem non-null when the prefix names pppd but is broken (e.g. a bad pid)
 */
record LineHeader(Tag tag, String time, Integer pid, int messageStart, String problem) {

  /** Programs whose lines can carry pppd events. */
  enum Tag {
    /** pppd itself, or a bare logfile/nodetach line. */
    PPPD,
    /** rp-pppoe's user-mode client, run by pppd through {@code pty "pppoe ..."}. */
    PPPOE
  }

  static LineHeader broken(String problem) {
    return new LineHeader(Tag.PPPD, null, null, 0, problem);
  }
}
