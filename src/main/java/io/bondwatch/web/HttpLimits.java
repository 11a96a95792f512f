package io.bondwatch.web;

import java.time.Duration;

/**
 * How much of the process the HTTP port may take, and how long a client may keep it busy.
 *
 * @param maxThreads Jetty's whole pool: one selector, the rest run requests
 * @param maxConnections open connections at most; beyond it new ones wait in the kernel's backlog,
 *     so a flood of clients cannot take the file descriptors the probes and tailers need
 * @param headTimeout a request head must arrive whole within this: counted from the accept for a
 *     new connection, from its first byte for a kept-alive one (Go's ReadHeaderTimeout)
 * @param idleTimeout a kept-alive connection waiting for its next request, or a client not reading
 *     its response, is closed after this; longer than the usual scrape intervals (15 s to 1 min)
 * @param collectPatience how long a request waits for a fresh collection of the metrics or the
 *     status before it is served the last good one
 */
public record HttpLimits(
    int maxThreads,
    int maxConnections,
    Duration headTimeout,
    Duration idleTimeout,
    Duration collectPatience) {

  public static final HttpLimits DEFAULTS =
      new HttpLimits(3, 64, Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(2));

  public HttpLimits {
    if (maxThreads < 3) {
      throw new IllegalArgumentException("maxThreads must be at least 3 (selector + 2 workers)");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    for (Duration d : new Duration[] {headTimeout, idleTimeout, collectPatience}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, not " + d);
      }
    }
  }
}
