package io.bondwatch.source.link;

import io.bondwatch.domain.link.OperState;
import java.util.Objects;

/**
 * One device line of {@code ip -o link show} or {@code ip -o monitor link}.
 *
 * @param deleted the line starts with {@code Deleted}: the device is gone from this namespace
 * @param label the device's name as iproute2 prints it: followed by {@code @} and the device it
 *     runs over when it has one ({@code @if12} for a veth peer in another namespace, {@code @NONE},
 *     {@code @eth1} for a macvlan)
 */
record IpLinkLine(
    boolean deleted,
    int ifindex,
    String label,
    boolean adminUp,
    boolean carrier,
    OperState operstate) {

  IpLinkLine {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(operstate, "operstate");
  }

  /**
   * Whether the line is about {@code device}. The name and the {@code @} suffix cannot be told
   * apart in every case (a name may itself contain {@code @}), so a name followed by {@code @}
   * counts as that name; a configured name is never a prefix of another device's name and an
   * {@code @} in the same place.
   */
  boolean names(String device) {
    return label.equals(device)
        || label.length() > device.length()
            && label.startsWith(device)
            && label.charAt(device.length()) == '@';
  }
}
