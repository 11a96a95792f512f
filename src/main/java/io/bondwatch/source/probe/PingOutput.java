package io.bondwatch.source.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one ping process's merged output to its end on a thread of its own, parses every line and
 * hands it on, then reaps the process and says why it ended: ping's last complaint if it made one,
 * else the signal that killed it, else its exit status.
 */
final class PingOutput implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(PingSession.class);

  interface Listener {
    void line(PingLine line, Process p);

    void ended(Process p, String reason, boolean bySignal);
  }

  private final String member;
  private final Process process;
  private final PingOutputParser parser;
  private final Listener listener;

  PingOutput(String member, Process process, PingOutputParser parser, Listener listener) {
    this.member = member;
    this.process = process;
    this.parser = parser;
    this.listener = listener;
  }

  @Override
  public void run() {
    String complaint = null;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        PingLine parsed = parser.parse(line);
        if (parsed instanceof PingLine.Failure f) {
          complaint = f.message();
        } else if (parsed instanceof PingLine.Unrecognised u) {
          complaint = u.text().strip();
          log.debug("member {}: unrecognised ping output '{}'", member, complaint);
        }
        listener.line(parsed, process);
      }
    } catch (IOException | RuntimeException e) {
      // the stream is closed under us by close(); anything else ends this ping like an exit
      complaint = complaint != null ? complaint : e.toString();
    }
    int status = ProcessExits.reap(process);
    if (status == Integer.MIN_VALUE) {
      process.destroyForcibly();
      status = ProcessExits.reap(process);
    }
    String signal = ProcessExits.signal(status);
    boolean bySignal = complaint == null && signal != null;
    String why = complaint != null ? complaint : bySignal ? signal : "status " + status;
    listener.ended(process, "ping exited: " + why, bySignal);
  }
}
