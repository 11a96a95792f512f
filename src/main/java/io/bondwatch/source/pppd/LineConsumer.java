package io.bondwatch.source.pppd;

import java.util.List;

/** Receives the lines of a {@link LineSource}; see there for the commit protocol. */
@FunctionalInterface
public interface LineConsumer {

  /**
   * Processes a batch of lines, oldest first. A thrown exception is logged by the source and the
   * batch still counts as delivered: the source cannot re-deliver without repeating the rest.
   */
  void accept(List<String> lines) throws Exception;

  /**
   * The consumer's own commit position, asked for right before a checkpoint is written and stored
   * in it (for example the length of an output file). Empty by default.
   */
  default String commitToken() {
    return "";
  }
}
