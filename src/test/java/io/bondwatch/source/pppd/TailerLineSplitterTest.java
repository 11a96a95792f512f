package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TailerLineSplitterTest {
  private final AtomicInteger capped = new AtomicInteger();
  private final TailerMetrics metrics =
      new TailerMetrics() {
        @Override
        public void lineCapped() {
          capped.incrementAndGet();
        }
      };

  private List<String> feed(TailerLineSplitter s, byte[] bytes) {
    List<String> out = new ArrayList<>();
    s.feed(bytes, 0, bytes.length, out);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void holdsPartialLineUntilItsNewlineArrives() {
    TailerLineSplitter s = new TailerLineSplitter(100, metrics);
    s.reset(10);
    assertThat(feed(s, ascii("one\ntw"))).containsExactly("one");
    assertThat(s.committedPosition()).isEqualTo(14);
    assertThat(s.readPosition()).isEqualTo(16);
    assertThat(feed(s, ascii("o\r\n"))).containsExactly("two");
    assertThat(s.committedPosition()).isEqualTo(19);
    assertThat(s.hasPartialLine()).isFalse();
  }

  @Test
  void capsLongLineAndSkipsItsRestButKeepsCountingOffsets() {
    TailerLineSplitter s = new TailerLineSplitter(4, metrics);
    s.reset(0);
    assertThat(feed(s, ascii("abcdefgh"))).isEmpty();
    assertThat(feed(s, ascii("ij\nxy\n"))).containsExactly("abcd", "xy");
    assertThat(capped).hasValue(1);
    assertThat(s.committedPosition()).isEqualTo(14);
  }

  @Test
  void decodesInvalidUtf8WithReplacementAndDropsNulBytes() {
    TailerLineSplitter s = new TailerLineSplitter(100, metrics);
    s.reset(0);
    byte[] bad = {'a', (byte) 0xC3, 'b', 0, 0, 'c', (byte) 0xFF, '\n'};
    assertThat(feed(s, bad)).containsExactly("a\uFFFDbc\uFFFD");
    assertThat(s.committedPosition()).isEqualTo(8);
  }

  @Test
  void flushesPartialLastLineOfAFileThatWillNotGrow() {
    TailerLineSplitter s = new TailerLineSplitter(100, metrics);
    s.reset(0);
    feed(s, ascii("end"));
    List<String> out = new ArrayList<>();
    s.flushPartial(out);
    assertThat(out).containsExactly("end");
    assertThat(s.committedPosition()).isEqualTo(3);
  }
}
