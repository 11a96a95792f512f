package io.bondwatch.source.probe;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to probe for one member.
 *
 * @param member configured member name
 * @param device interface the probes must leave through ({@code ping -I})
 * @param target address or host name answering the probes
 * @param oneOfSeveral the member is probed through several targets, each with a ping of its own
 */
public record ProbeTarget(String member, String device, String target, boolean oneOfSeveral) {
  // Linux interface names: at most 15 bytes, no '/', no whitespace, not "." or ".."
  private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.:@+-]{1,15}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:%-]{1,253}");

  public ProbeTarget {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(target, "target");
    if (member.isBlank()) {
      throw new IllegalArgumentException("member name is blank");
    }
    if (!DEVICE.matcher(device).matches() || device.equals(".") || device.equals("..")) {
      throw new IllegalArgumentException(
          "member " + member + ": '" + device + "' is not an interface name");
    }
    // a leading '-' would be read by ping as an option
    if (!HOST.matcher(target).matches() || target.startsWith("-")) {
      throw new IllegalArgumentException(
          "member " + member + ": '" + target + "' is not an address or host name");
    }
  }

  /** The only target of a member. */
  public ProbeTarget(String member, String device, String target) {
    this(member, device, target, false);
  }

  /** The member as logs name it: with the target when it is one of several. */
  public String who() {
    return oneOfSeveral ? member + " target " + target : member;
  }
}
