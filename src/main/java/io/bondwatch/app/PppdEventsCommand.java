package io.bondwatch.app;

import io.bondwatch.source.pppd.AttributedEvent;
import io.bondwatch.source.pppd.BoundedLineReader;
import io.bondwatch.source.pppd.MemberMatch;
import io.bondwatch.source.pppd.ParseOutcome;
import io.bondwatch.source.pppd.PppdAttributor;
import io.bondwatch.source.pppd.PppdLineParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bondwatch pppd-events}: what bondwatch understands of pppd log text, as JSON Lines
 * (DESIGN.md 3.1, 3.4). Line numbers restart per file; with several files each object ends with
 * {@code "file"}. Attribution state carries over from one file to the next (rotated syslog files
 * given oldest first), except for pid-less logfile lines, which belong to one file's pppd.
 */
@Command(
    name = "pppd-events",
    mixinStandardHelpOptions = true,
    description = "Print the pppd events found in log text, one JSON object per line.")
public final class PppdEventsCommand implements Callable<Integer> {

  /** Maps --config onto member matches; tests replace it. */
  static Function<Path, List<MemberMatch>> memberLoader = PppdMembers::load;

  /** Where {@code -} reads from; tests replace it. */
  static InputStream stdin = System.in;

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "bondwatch config: attribute events to its members")
  Path config;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files; - for stdin")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<MemberMatch> members = List.of();
    if (config != null) {
      try {
        members = memberLoader.apply(config);
      } catch (RuntimeException e) {
        err.println(e.getMessage());
        err.flush();
        return 2;
      }
    }
    PppdLineParser parser = new PppdLineParser();
    PppdAttributor attributor = new PppdAttributor(members);
    boolean several = files.size() > 1;
    int status = 0;
    for (String file : files) {
      attributor.forgetPidless();
      try (Reader r = open(file)) {
        print(new BoundedLineReader(r), parser, attributor, several ? file : null, out, err);
      } catch (IOException | RuntimeException e) {
        err.println("pppd-events: cannot read " + file + ": " + describe(e));
        status = 1;
      }
      out.flush();
      err.flush();
    }
    return status;
  }

  private static void print(
      BoundedLineReader in,
      PppdLineParser parser,
      PppdAttributor attributor,
      String file,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber = lineNumber == Integer.MAX_VALUE ? 1 : lineNumber + 1;
      ParseOutcome o = parser.parse(line, lineNumber);
      if (o.result() == ParseOutcome.Result.MALFORMED) {
        err.println((file == null ? "" : file + ":") + lineNumber + ": skipped: " + o.problem());
      } else if (o.event() != null) {
        AttributedEvent a = attributor.accept(o.event());
        out.println(PppdEventJson.toJson(a.event(), file));
      }
    }
  }

  private static Reader open(String file) throws IOException {
    InputStream in = "-".equals(file) ? stdin : Files.newInputStream(Path.of(file));
    // Invalid UTF-8 (rsyslog passes bytes through) becomes U+FFFD, never an exception.
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
