package io.bondwatch.source.pppd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Catch-up over a large syslog or journald-short file: reads big chunks of bytes and decodes only
 * the lines that contain {@code ppp}, since every pppd-family line of a tagged log carries it in
 * its tag ({@code pppd[}, {@code pppd:}, {@code pppoe[}, RFC 5424 APP-NAME). The search and the
 * line count look at eight bytes at a time (SWAR: an exact per-byte zero test, no carries across
 * bytes). Not for bare {@code logfile} files, whose lines carry no tag: read those line by line
 * through {@link PppdLineParser}. Not thread-safe.
 */
public final class PppdLogScanner {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long PS = 0x7070707070707070L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** Line-count and outcome totals of one scan. */
  public record Totals(long lines, long candidates, long events, long malformed) {}

  private final PppdLineParser parser;
  private final byte[] buf;
  private long lines;
  private long candidates;
  private long events;
  private long malformed;

  public PppdLogScanner(PppdLineParser parser, int bufferBytes) {
    if (bufferBytes < 1024) {
      throw new IllegalArgumentException("buffer must be at least 1 KiB, got " + bufferBytes);
    }
    this.parser = parser;
    this.buf = new byte[bufferBytes];
  }

  /** Scans the whole stream, giving each event to {@code sink} in order. */
  public Totals scan(InputStream in, Consumer<PppdEvent> sink) throws IOException {
    lines = candidates = events = malformed = 0;
    int filled = 0;
    while (true) {
      int r = in.read(buf, filled, buf.length - filled);
      boolean eof = r < 0;
      if (!eof) {
        filled += r;
        if (filled < buf.length) {
          continue; // fill the buffer: fewer, larger scans
        }
      }
      int end = eof ? filled : lastNewline(filled) + 1;
      if (end <= 0) {
        end = filled; // one line longer than the buffer: cut it here
      }
      scanChunk(end, sink);
      if (eof) {
        if (end > 0 && buf[end - 1] != '\n') {
          lines++; // a last line without newline
        }
        return new Totals(lines, candidates, events, malformed);
      }
      System.arraycopy(buf, end, buf, 0, filled - end);
      filled -= end;
    }
  }

  /** [0, end) holds whole lines (but the last at end of input). */
  private void scanChunk(int end, Consumer<PppdEvent> sink) {
    int i = 0;
    long prevP = 0; // 'p' markers of the previous word, for a "ppp" across two words
    while (i + 8 <= end) {
      long w = (long) LONGS.get(buf, i);
      long p = zeroBytes(w ^ PS);
      long ppp = p & ((p << 8) | (prevP >>> 56)) & ((p << 16) | (prevP >>> 48));
      if (ppp == 0) {
        lines += Long.bitCount(zeroBytes(w ^ NEWLINES));
        prevP = p;
        i += 8;
      } else {
        int match = i + (Long.numberOfTrailingZeros(ppp) >>> 3); // the third 'p'
        lines += countNewlines(i, match);
        i = candidate(match, end, sink);
        prevP = 0;
      }
    }
    for (; i < end; i++) { // the last few bytes, one at a time
      if (buf[i] == '\n') {
        lines++;
      } else if (i >= 2 && buf[i] == 'p' && buf[i - 1] == 'p' && buf[i - 2] == 'p') {
        i = candidate(i, end, sink) - 1;
      }
    }
  }

  /** Parses the line around {@code match}; returns the index after its newline. */
  private int candidate(int match, int end, Consumer<PppdEvent> sink) {
    int start = match;
    while (start > 0 && buf[start - 1] != '\n') {
      start--;
    }
    int stop = match;
    while (stop < end && buf[stop] != '\n') {
      stop++;
    }
    candidates++;
    String line = new String(buf, start, stop - start, StandardCharsets.UTF_8);
    ParseOutcome o = parser.parse(line, (int) Math.min(Integer.MAX_VALUE, lines + 1));
    if (o.event() != null) {
      events++;
      sink.accept(o.event());
    } else if (o.result() == ParseOutcome.Result.MALFORMED) {
      malformed++;
    }
    if (stop < end) {
      lines++;
    }
    return stop + 1;
  }

  private int lastNewline(int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private long countNewlines(int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** 0x80 in each byte of v that is zero, 0 elsewhere; exact (no borrow between bytes). */
  private static long zeroBytes(long v) {
    return ~(((v & LOW7) + LOW7) | v | LOW7);
  }
}
