package io.bondwatch.app.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds running pppd processes: {@code <runDir>/ppp-<linkname>.pid} (pid, then the ppp interface),
 * {@code <procDir>/<pid>/cmdline}, and the peers file a {@code call NAME} option names. Everything
 * that cannot be read is reported in {@link #problems()} and skipped.
 */
public final class PppdDiscovery {
  private final Path runDir;
  private final Path procDir;
  private final Path peersDir;
  private final List<String> problems = new ArrayList<>();

  public PppdDiscovery(Path runDir, Path procDir, Path peersDir) {
    this.runDir = runDir;
    this.procDir = procDir;
    this.peersDir = peersDir;
  }

  public List<PppdProcess> discover(Set<String> interfaces) {
    List<PppdProcess> found = new ArrayList<>();
    if (!Files.isDirectory(runDir)) {
      return found;
    }
    List<Path> pidFiles = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(runDir, "ppp-*.pid")) {
      ds.forEach(pidFiles::add);
    } catch (IOException e) {
      problems.add("cannot list " + runDir + ": " + e.getMessage());
      return found;
    }
    pidFiles.sort(null);
    for (Path pidFile : pidFiles) {
      String file = pidFile.getFileName().toString();
      String linkname = file.substring("ppp-".length(), file.length() - ".pid".length());
      try {
        String[] lines = Files.readString(pidFile, StandardCharsets.UTF_8).split("\n");
        long pid = Long.parseLong(lines[0].strip());
        String ifname = lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : null;
        List<String> options = options(pid);
        found.add(
            new PppdProcess(
                pid,
                linkname,
                ifname,
                PppdProcess.device(options, interfaces),
                PppdProcess.multilink(options)));
      } catch (IOException | NumberFormatException e) {
        problems.add(pidFile + ": " + e.getMessage());
      }
    }
    return found;
  }

  private List<String> options(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(procDir.resolve(Long.toString(pid)).resolve("cmdline"));
    List<String> argv =
        new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
    int call = argv.indexOf("call");
    if (call >= 0 && call + 1 < argv.size()) {
      Path peers = peersDir.resolve(argv.get(call + 1));
      if (Files.isReadable(peers)) {
        for (String line : Files.readAllLines(peers, StandardCharsets.UTF_8)) {
          String l = line.replaceAll("#.*", "").strip();
          if (!l.isEmpty()) {
            argv.addAll(Arrays.asList(l.split("\\s+")));
          }
        }
      } else {
        problems.add("pppd " + pid + ": peers file " + peers + " not readable");
      }
    }
    return argv;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }
}
