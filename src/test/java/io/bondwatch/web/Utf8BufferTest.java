package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Property
  void encodesStringsLikeTheJdk(@ForAll String s) {
    Utf8Buffer b = new Utf8Buffer(4);
    b.write(s, 0, s.length());
    assertThat(b.toByteArray()).isEqualTo(utf8(s));
  }

  @Property
  void encodesCharByCharLikeTheJdk(@ForAll String s) {
    // the exposition writer escapes label values one char at a time
    Utf8Buffer b = new Utf8Buffer(4);
    for (int i = 0; i < s.length(); i++) {
      b.write(s.charAt(i));
    }
    assertThat(b.toByteArray()).isEqualTo(utf8(s));
  }

  @Test
  void coversEveryEncodingLength() {
    String s = "a é € 😀 \ud800x \udc00";
    Utf8Buffer b = new Utf8Buffer(1);
    b.write(s.toCharArray(), 0, s.length());
    assertThat(b.toByteArray()).isEqualTo(utf8(s));
  }

  @Test
  void aResetBufferStartsEmptyAndKeepsItsCapacity() {
    Utf8Buffer b = new Utf8Buffer(2);
    b.write("a long first text", 0, 17);
    b.write('\ud83d'); // half of a pair, dropped by the reset
    b.reset();
    b.write("ok", 0, 2);
    assertThat(b.toByteArray()).isEqualTo(utf8("ok"));
  }
}
