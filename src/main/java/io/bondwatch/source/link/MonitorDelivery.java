package io.bondwatch.source.link;

import io.bondwatch.domain.link.LinkObservation;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands observations to the sink; a sink that throws is warned of once, then at debug. */
final class MonitorDelivery {
  private static final Logger log = LoggerFactory.getLogger(IpLinkMonitor.class);
  private volatile Consumer<LinkObservation> sink = o -> {};
  private boolean warned;

  void to(Consumer<LinkObservation> sink) {
    this.sink = sink;
  }

  void deliver(List<LinkObservation> observations) {
    for (LinkObservation o : observations) {
      try {
        sink.accept(o);
      } catch (RuntimeException e) {
        if (!warned) {
          warned = true;
          log.warn("device {}: link observation consumer failed (further at debug)", o.device(), e);
        } else {
          log.debug("device {}: link observation consumer failed", o.device(), e);
        }
      }
    }
  }
}
