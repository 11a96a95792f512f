package io.bondwatch.source.probe;

import java.time.Duration;
import java.util.Objects;

/** One line of iputils ping output, as {@link PingOutputParser} understood it. */
public sealed interface PingLine {

  /** An echo reply. {@code seq} is ping's 16-bit icmp_seq as printed. */
  record Reply(int seq, Duration rtt, boolean duplicate) implements PingLine {
    public Reply {
      checkSeq(seq);
      Objects.requireNonNull(rtt, "rtt");
      if (rtt.isNegative()) {
        throw new IllegalArgumentException("negative rtt " + rtt);
      }
    }
  }

  /** {@code no answer yet for icmp_seq=N}: printed (with -O) when the next probe is due. */
  record NoAnswer(int seq) implements PingLine {
    public NoAnswer {
      checkSeq(seq);
    }
  }

  /**
   * An ICMP error about one probe: {@code From 192.0.2.1 icmp_seq=3 Destination Host Unreachable}.
   */
  record ErrorReply(int seq, String from, String reason) implements PingLine {
    public ErrorReply {
      checkSeq(seq);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A complaint by ping itself, e.g. {@code ping: sendmsg: Network is unreachable}. */
  record Failure(String message) implements PingLine {
    public Failure {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Banner, statistics and other lines that say nothing about a single probe. */
  record Info(String text) implements PingLine {
    public Info {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A line this parser does not know; kept whole so it can be logged and shown as a reason. */
  record Unrecognised(String text) implements PingLine {
    public Unrecognised {
      Objects.requireNonNull(text, "text");
    }
  }

  private static void checkSeq(int seq) {
    if (seq < 0 || seq > 0xFFFF) {
      throw new IllegalArgumentException("icmp_seq must be 0..65535, not " + seq);
    }
  }
}
