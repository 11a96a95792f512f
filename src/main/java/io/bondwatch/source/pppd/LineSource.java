package io.bondwatch.source.pppd;

import java.util.List;

/**
 * A source of raw log lines (a followed file, or journald). Lines reach the consumer in order, on
 * one thread owned by the source, in batches.
 *
 * <p>Commit protocol: the source hands a batch to {@link LineConsumer#accept}; when that returns,
 * the batch counts as processed and the source writes its checkpoint, storing {@link
 * LineConsumer#commitToken()} beside its own position. After a crash the source resumes from the
 * last checkpoint, so a consumer that can roll its own output back to the stored token (as the test
 * sink {@code TailToFile} does) sees every line exactly once; any other consumer sees at most the
 * last unacknowledged batch again.
 */
public interface LineSource extends AutoCloseable {

  /**
   * Establishes the start position (checkpoint, or the end of what exists on a first start) and
   * starts delivering lines to the consumer; may be called once. A line written after this returns
   * is never skipped.
   */
  void start(LineConsumer consumer);

  /**
   * What keeps the source from delivering lines now, one line each for {@code /-/ready} (a log path
   * that names a directory, reads that fail, a journalctl that keeps exiting); empty while healthy.
   * Safe to call from any thread.
   */
  default List<String> problems() {
    return List.of();
  }

  /** Stops delivery, waits for the delivering thread and releases files and processes. */
  @Override
  void close();
}
