package io.bondwatch.source.pppd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts bytes into lines and keeps the file offset of the last line boundary, which is what a
 * checkpoint may store: a partial last line is held until its newline arrives, and is re-read after
 * a restart. A line longer than the cap keeps its first {@code maxLineBytes} bytes and the rest is
 * skipped up to the newline. Bytes decode as UTF-8 with replacement, so bad input never throws. NUL
 * bytes are dropped: a writer without O_APPEND leaves a sparse run of them after copytruncate, and
 * they carry no text.
 */
final class TailerLineSplitter {
  private final int maxLineBytes;
  private final TailerMetrics metrics;
  private byte[] line = new byte[256];
  private int length;
  private boolean capped;
  private long lineStart;
  private long offset;

  TailerLineSplitter(int maxLineBytes, TailerMetrics metrics) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.metrics = metrics;
  }

  /** Forgets any partial line and continues as if the next byte fed were at this file offset. */
  void reset(long position) {
    length = 0;
    capped = false;
    lineStart = position;
    offset = position;
  }

  /** File offset just after the last complete line: where a restart must read again. */
  long committedPosition() {
    return lineStart;
  }

  /** File offset just after the last byte fed. */
  long readPosition() {
    return offset;
  }

  boolean hasPartialLine() {
    return offset > lineStart;
  }

  /** Feeds {@code count} bytes from {@code data}, adding each completed line to {@code out}. */
  void feed(byte[] data, int from, int count, List<String> out) {
    int end = from + count;
    for (int i = from; i < end; i++) {
      byte b = data[i];
      if (b == '\n') {
        emit(out);
        lineStart = offset + (i - from) + 1;
      } else if (b != 0) {
        append(b);
      }
    }
    offset += count;
  }

  /** Emits a partial last line as a line, for a file that will not grow any more. */
  void flushPartial(List<String> out) {
    if (length > 0) {
      emit(out);
    }
    lineStart = offset;
  }

  private void append(byte b) {
    if (length == maxLineBytes) {
      capped = true;
      return;
    }
    if (length == line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
    }
    line[length++] = b;
  }

  private void emit(List<String> out) {
    int n = length;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    out.add(new String(line, 0, n, StandardCharsets.UTF_8));
    if (capped) {
      metrics.lineCapped();
    }
    length = 0;
    capped = false;
  }
}
