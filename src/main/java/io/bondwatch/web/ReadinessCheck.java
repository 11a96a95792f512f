package io.bondwatch.web;

/**
 * Whether the service is ready, asked on every {@code /-/ready} request: answers at once from state
 * the service already holds (a volatile flag, a count), never by reading a source or taking a lock
 * a source may hold, since the HTTP threads must never wait on a source.
 */
@FunctionalInterface
public interface ReadinessCheck {
  Readiness ready();
}
