package io.bondwatch.source.pppd;

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

  /** Starts delivering lines to the consumer; may be called once. */
  void start(LineConsumer consumer);

  /** Stops delivery, waits for the delivering thread and releases files and processes. */
  @Override
  void close();
}
