package io.bondwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code pppd-events} in-process, exactly as the command line does, and reads its output. */
final class PppdEventsRunner {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Run(int exitCode, List<JsonNode> events, String stderr) {}

  private PppdEventsRunner() {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new PppdEventsCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isEmpty()) {
        try {
          events.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("output line is not JSON: " + line, e);
        }
      }
    }
    return new Run(code, events, err.toString());
  }
}
