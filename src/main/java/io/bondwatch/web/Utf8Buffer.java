package io.bondwatch.web;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes UTF-8 straight into one growable byte array, reused from one
 * collection to the next. The exposition writer makes a dozen small writes per sample; the JDK's
 * OutputStreamWriter wraps each in a new CharBuffer, this one allocates nothing once it has grown
 * to the size of a scrape. Not thread-safe: one collection uses it at a time.
 */
final class Utf8Buffer extends Writer {
  private byte[] bytes;
  private int length;
  private char pendingHigh; // a high surrogate whose low half may come in the next write

  Utf8Buffer(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  void reset() {
    length = 0;
    pendingHigh = 0;
  }

  /** The bytes written since the last reset, in a new array of exactly that length. */
  byte[] toByteArray() {
    flushPending();
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public void write(int c) {
    ensure(4);
    put((char) c);
  }

  @Override
  public void write(String s, int off, int len) {
    ensure(len * 3 + 4);
    for (int i = off; i < off + len; i++) {
      put(s.charAt(i));
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    ensure(len * 3 + 4);
    for (int i = off; i < off + len; i++) {
      put(cbuf[i]);
    }
  }

  private void put(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        putCodePoint(Character.toCodePoint(high, c));
        return;
      }
      bytes[length++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes does the same
    }
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | c >> 6);
      bytes[length++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[length++] = '?';
    } else {
      bytes[length++] = (byte) (0xE0 | c >> 12);
      bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
      bytes[length++] = (byte) (0x80 | c & 0x3F);
    }
  }

  private void putCodePoint(int cp) {
    bytes[length++] = (byte) (0xF0 | cp >> 18);
    bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
    bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
    bytes[length++] = (byte) (0x80 | cp & 0x3F);
  }

  private void flushPending() {
    if (pendingHigh != 0) {
      ensure(1);
      bytes[length++] = '?';
      pendingHigh = 0;
    }
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
