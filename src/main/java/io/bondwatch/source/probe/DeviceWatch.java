package io.bondwatch.source.probe;

/**
 * Tells whether a member's device is still the one its ping is bound to. ping binds to the device's
 * interface index once, at start; a device deleted and created again under the same name (PPPoE's
 * {@code pppN} at every reconnect) has a new index, and the old ping answers nothing for ever.
 */
final class DeviceWatch {
  private final LinkState linkState;
  private final String device;
  private int bound = LinkState.NO_DEVICE;

  DeviceWatch(LinkState linkState, String device) {
    this.linkState = linkState;
    this.device = device;
  }

  /** A ping is about to start: it will bind to the device as it is now. */
  void binding() {
    bound = linkState.ifindex(device);
  }

  /** Words for a device that exists now under another index than ping's; null if it does not. */
  String replaced() {
    int now = linkState.ifindex(device);
    if (now == LinkState.NO_DEVICE || now == bound) {
      return null;
    }
    return bound == LinkState.NO_DEVICE
        ? device + " exists now (ifindex " + now + ")"
        : device + " was created again (ifindex " + bound + " -> " + now + ")";
  }

  /** Why the device cannot carry traffic now (down or missing), if it cannot. */
  java.util.Optional<String> problem() {
    return linkState.problem(device);
  }
}
