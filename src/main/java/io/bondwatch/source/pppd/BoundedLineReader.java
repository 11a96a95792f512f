package io.bondwatch.source.pppd;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF, CRLF or CR) and keeps at most {@link #MAX_LINE_CHARS} of each, so a file without
 * newlines (a binary, a corrupt log) cannot exhaust memory. Not thread-safe.
 */
public final class BoundedLineReader {

  /** pppd lines are short; a syslog line is at most a few KiB. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  private final Reader in;
  private final char[] buf = new char[8192];
  private final StringBuilder line = new StringBuilder(256);
  private int pos;
  private int len;
  private boolean skipLf;
  private long truncated;

  public BoundedLineReader(Reader in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of input. */
  public String readLine() throws IOException {
    line.setLength(0);
    boolean any = false;
    while (true) {
      if (pos >= len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return any ? line.toString() : null;
        }
      }
      char c = buf[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        skipLf = c == '\r';
        return line.toString();
      }
      any = true;
      if (line.length() < MAX_LINE_CHARS) {
        line.append(c);
      } else if (line.length() == MAX_LINE_CHARS) {
        truncated++;
        line.append('\u2026'); // marks the cut once; the rest of the line is dropped
      }
    }
  }

  /** How many lines were cut at {@link #MAX_LINE_CHARS}. */
  public long truncatedLines() {
    return truncated;
  }
}
