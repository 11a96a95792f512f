package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pppd's {@code linkname} pid files: every pppd started with {@code linkname NAME} writes {@code
 * /var/run/ppp-NAME.pid} (members of a bundle included), the one reliable map from a pid to a
 * member that pppd's log never states.
 */
public final class PppdPidFiles {
  private static final Logger log = LoggerFactory.getLogger(PppdPidFiles.class);

  private final Path runDir;

  public PppdPidFiles(Path runDir) {
    this.runDir = runDir;
  }

  public static PppdPidFiles system() {
    return new PppdPidFiles(Path.of("/var/run"));
  }

  /** The pid in {@code ppp-LINKNAME.pid}, empty when there is no such file or it is garbage. */
  public OptionalInt pid(String linkname) {
    Path file = runDir.resolve("ppp-" + linkname + ".pid");
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      int nl = text.indexOf('\n');
      String first = nl < 0 ? text : text.substring(0, nl).strip();
      int pid = Integer.parseInt(first);
      return pid > 0 ? OptionalInt.of(pid) : OptionalInt.empty();
    } catch (NoSuchFileException e) {
      return OptionalInt.empty();
    } catch (IOException | NumberFormatException e) {
      log.debug("pppd pid file {}: unreadable: {}", file, e.toString());
      return OptionalInt.empty();
    }
  }
}
