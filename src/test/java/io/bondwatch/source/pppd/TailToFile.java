package io.bondwatch.source.pppd;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Test sink run as its own JVM: follows a log and appends every delivered line to an output file.
 * The checkpoint stores the output's length as the consumer token; on start the output is cut back
 * to it, so after a kill -9 the pair (output, checkpoint) agrees and no line is doubled or lost.
 *
 * <p>Usage: {@code TailToFile LOG STATE_DIR OUTPUT}
 */
public final class TailToFile {
  private TailToFile() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: TailToFile LOG STATE_DIR OUTPUT");
      System.exit(2);
    }
    TailerOptions opts = TailerOptions.of(Path.of(args[0]), Path.of(args[1])).withFromStart(true);
    long committed =
        CheckpointStore.forTailer(opts.checkpointFile())
            .load()
            .record()
            .map(Checkpoint::consumerToken)
            .filter(t -> !t.isEmpty())
            .map(Long::parseLong)
            .orElse(0L);
    FileChannel out =
        FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    out.truncate(committed);
    out.position(committed);
    CountDownLatch stopped = new CountDownLatch(1);
    FileTailer tailer =
        new FileTailer(opts, TailerMetrics.NONE, TimeSource.SYSTEM, r -> new Thread(r, "tailer"));
    tailer.start(new Appender(out));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  tailer.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private record Appender(FileChannel out) implements LineConsumer {
    @Override
    public void accept(List<String> lines) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (String line : lines) {
        sb.append(line).append('\n');
      }
      ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }

    @Override
    public String commitToken() {
      try {
        return Long.toString(out.position());
      } catch (IOException e) {
        throw new IllegalStateException("output position unknown", e);
      }
    }
  }
}
