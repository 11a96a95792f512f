package io.bondwatch.domain.link;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices the service follows (members' probe devices and underlays, the bundle interface) and
 * what each looked like last. A link source feeds it observations; it works out what changed,
 * counts the events and tells the listeners of that device, after its own state is updated and
 * outside its lock, their failures logged.
 *
 * <p>Anyone who needs a device's link state registers a {@link LinkListener} for it with {@link
 * #watch}: the member model for its devices, the prober to restart a ping on a device created
 * again, the bundle's attribution for the underlays.
 */
public final class DeviceLinks {
  private static final Logger log = LoggerFactory.getLogger(DeviceLinks.class);

  private final LinkMetrics metrics;
  private final Map<String, List<LinkListener>> listeners = new ConcurrentHashMap<>();
  private final Map<String, LinkObservation> last = new ConcurrentHashMap<>();

  public DeviceLinks(LinkMetrics metrics) {
    this.metrics = metrics;
  }

  /** Follows {@code device} and tells {@code listener} of its changes. */
  public void watch(String device, LinkListener listener) {
    listeners.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /** Follows {@code device} without telling anyone (its state is still kept and counted). */
  public void watch(String device) {
    listeners.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>());
  }

  /** The devices followed, for the link source to report on. */
  public Set<String> devices() {
    return Set.copyOf(listeners.keySet());
  }

  /** The device's latest observation, empty before the first. */
  public Optional<LinkObservation> last(String device) {
    return Optional.ofNullable(last.get(device));
  }

  /**
   * One observation from the link source: ignored for a device nobody follows; otherwise its events
   * (none when nothing changed) are counted, and its listeners told when it changed or was seen for
   * the first time. Called by one source thread at a time.
   */
  public List<LinkEvent> observe(LinkObservation now) {
    List<LinkListener> told = listeners.get(now.device());
    if (told == null) {
      return List.of();
    }
    LinkObservation before = last.put(now.device(), now);
    List<LinkEvent> events = LinkEvent.between(before, now);
    if (before != null && events.isEmpty()) {
      return events;
    }
    for (LinkEvent e : events) {
      metrics.onLinkEvent(now.device(), e);
    }
    for (LinkListener l : told) {
      try {
        l.onLink(now, events);
      } catch (RuntimeException e) {
        log.warn("device {}: link listener {} failed", now.device(), l, e);
      }
    }
    return events;
  }
}
