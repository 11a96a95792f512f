package io.bondwatch.source.probe;

import java.util.function.Consumer;

/**
 * Probes members' links continuously. Results for one member are delivered in order and never
 * concurrently, on a thread of the prober; a sink must not block for long.
 */
public interface Prober extends AutoCloseable {

  /**
   * Starts probing one member, or one target of a member probed through several (one call per
   * target, each with its own sink). Returns at once; problems with the member's link (missing
   * interface, unreachable target) arrive as LOST/ERROR results with a reason, never as an
   * exception.
   *
   * @throws IllegalStateException if the member's target is already probed or the prober is closed
   */
  void start(ProbeTarget target, Consumer<ProbeResult> sink);

  /**
   * A link event says {@code device} changed and can carry traffic: probes bound to an older device
   * of that name (it was created again) start afresh now rather than at their next miss, and probes
   * waiting to be restarted start now. Nothing for probers that bind nothing.
   */
  default void deviceChanged(String device) {}

  /** Stops probing one member, every target of it; unknown members are ignored. */
  void stop(String member);

  /** Stops everything and releases every process and thread. */
  @Override
  void close();
}
