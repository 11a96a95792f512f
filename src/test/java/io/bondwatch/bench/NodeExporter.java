package io.bondwatch.bench;

import io.bondwatch.testbed.BondwatchProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** node_exporter (Debian's prometheus-node-exporter) on a loopback port, to measure beside us. */
final class NodeExporter implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-node-exporter");

  private final Process process;
  private final int port;
  private final ProcStats stats;

  private NodeExporter(Process process, int port) {
    this.process = process;
    this.port = port;
    this.stats = new ProcStats(process.pid());
  }

  /** Started and answering, or null when it is not installed. */
  static NodeExporter startIfInstalled() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      return null;
    }
    int port = BondwatchProcess.freePort();
    Process p =
        new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    NodeExporter ne = new NodeExporter(p, port);
    for (int i = 0; i < 100; i++) {
      try (BenchHttp c = new BenchHttp(port, false)) {
        c.get("/metrics");
        System.out.println("node_exporter: pid " + p.pid() + " on 127.0.0.1:" + port);
        return ne;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    ne.close();
    throw new IOException("node_exporter did not answer on port " + port + " within 10 s");
  }

  int port() {
    return port;
  }

  ProcStats stats() {
    return stats;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
