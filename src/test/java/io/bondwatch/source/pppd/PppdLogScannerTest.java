package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PppdLogScannerTest {

  private final PppdLineParser parser = new PppdLineParser();

  /** The reference: every line through the parser, one by one. */
  private List<PppdEvent> lineByLine(String text) {
    List<PppdEvent> out = new ArrayList<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      PppdEvent e = parser.parse(line, n).event();
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private List<PppdEvent> scanned(String text, int buffer) throws Exception {
    List<PppdEvent> out = new ArrayList<>();
    new PppdLogScanner(parser, buffer)
        .scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return out;
  }

  @Test
  void findsTheSameEventsWithTheSameLineNumbersAsLineByLineParsing() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      sb.append("Nov 24 10:00:01 router kernel: [1.0] eth0 link up ").append(i).append('\n');
      if (i % 37 == 0) {
        sb.append("Nov 24 10:00:01 router pppd[").append(i).append("]: Link terminated.\n");
        sb.append("Nov 24 10:00:01 router pppd[").append(i).append("]: ppp ppp ppp\n");
        sb.append("pppoe[9]: Sent PADT\n");
      }
    }
    sb.append("Nov 24 10:00:01 router pppd[1]: Exit."); // no final newline
    String text = sb.toString();

    List<PppdEvent> expected = lineByLine(text);
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(scanned(text, 1024)).isEqualTo(expected); // chunk boundaries everywhere
    assertThat(scanned(text, 1 << 20)).isEqualTo(expected);
  }

  @Test
  void countsLinesIncludingALastOneWithoutNewline() throws Exception {
    PppdLogScanner.Totals t =
        new PppdLogScanner(parser, 1024)
            .scan(new ByteArrayInputStream("a\nb\npppd[1]: Exit.".getBytes()), e -> {});
    assertThat(t.lines()).isEqualTo(3);
    assertThat(t.events()).isEqualTo(1);
  }

  @Test
  void survivesALineLongerThanTheBuffer() throws Exception {
    String text = "x".repeat(5000) + "\npppd[2]: Modem hangup\n";
    assertThat(scanned(text, 1024))
        .extracting(PppdEvent::event)
        .containsExactly(PppdEventType.HANGUP);
  }
}
