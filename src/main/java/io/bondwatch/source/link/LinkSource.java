package io.bondwatch.source.link;

import io.bondwatch.domain.link.LinkObservation;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows devices' link state: what each looks like at start, then every change, as {@link
 * LinkObservation}s delivered in order on a thread of the source. The sink must not block.
 */
public interface LinkSource extends AutoCloseable {

  /** Follows nothing: for the demo, and services that have no link source. */
  LinkSource NONE =
      new LinkSource() {
        @Override
        public void start(Set<String> devices, Consumer<LinkObservation> sink) {}

        @Override
        public List<String> problems() {
          return List.of();
        }

        @Override
        public void close() {}
      };

  /**
   * Starts following; returns at once.
   *
   * @throws LinkSourceUnavailableException when the source cannot run on this host at all
   */
  void start(Set<String> devices, Consumer<LinkObservation> sink);

  /** Why the source is not following changes now, one line each; empty while it is. */
  List<String> problems();

  @Override
  void close();
}
