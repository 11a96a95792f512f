package io.bondwatch.sink.metrics;

import static io.bondwatch.sink.metrics.MetricNames.LINK_EVENTS;
import static io.bondwatch.sink.metrics.MetricNames.TAG_DEVICE;
import static io.bondwatch.sink.metrics.MetricNames.TAG_EVENT;

import io.bondwatch.domain.link.LinkEvent;
import io.bondwatch.domain.link.LinkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bondwatch_link_events_total{device,event}}: devices from the config, events from {@link
 * LinkEvent}, every series registered at 0 when the device is followed so that {@code increase()}
 * and alerts see the first event too.
 */
final class LinkMeters implements LinkMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  LinkMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void watching(Collection<String> devices) {
    for (String device : devices) {
      for (LinkEvent e : LinkEvent.values()) {
        counter(device, e);
      }
    }
  }

  @Override
  public void onLinkEvent(String device, LinkEvent event) {
    counter(device, event).increment();
  }

  private Counter counter(String device, LinkEvent event) {
    return counters.computeIfAbsent(
        device + '\0' + event.label(),
        k ->
            Counter.builder(LINK_EVENTS)
                .description(
                    "Changes of a followed device seen by the link monitor (created, deleted,"
                        + " admin_down, admin_up, carrier_lost, carrier_back, operstate)")
                .tags(TAG_DEVICE, device, TAG_EVENT, event.label())
                .register(registry));
  }
}
