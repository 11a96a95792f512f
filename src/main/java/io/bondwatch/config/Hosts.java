package io.bondwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Syntax checks for addresses and names, without any DNS lookup: check-config must give the same
 * answer on any machine, and a probe target that does not resolve yet is a runtime matter.
 */
public final class Hosts {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private Hosts() {}

  public static boolean isIpAddress(String text) {
    return IPV4.matcher(text).matches() || isIpv6(text);
  }

  private static boolean isIpv6(String text) {
    if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
      return false;
    }
    // Only hex digits, ':' and '.': InetAddress parses this as a literal and never asks DNS.
    try {
      return InetAddress.getByName(text).getAddress().length == 16;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * RFC 1123 host name. A name whose last label is all digits must be an IPv4 address (no top level
   * domain is numeric), so {@code 300.1.2.3} is neither.
   */
  public static boolean isHostName(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].matches("[0-9]+");
  }

  public static boolean isIpOrHostName(String text) {
    return isIpAddress(text) || isHostName(text);
  }

  /**
   * One spelling per host, to tell whether two targets are the same: an IP literal in Java's form
   * ({@code 2001:DB8::1} and {@code 2001:db8:0::1} are one address), a name in lower case without a
   * trailing dot. Anything else is returned as it is. No DNS: two names for one host stay two.
   */
  public static String canonical(String host) {
    if (isIpAddress(host)) {
      try {
        // a literal (checked above): InetAddress parses it without asking DNS
        return InetAddress.getByName(host).getHostAddress();
      } catch (UnknownHostException e) {
        return host;
      }
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code default}, an address, or an address with a prefix length ({@code 10.0.0.0/8}). */
  public static boolean isRouteDestination(String text) {
    if (text.equals("default")) {
      return true;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return isIpAddress(text);
    }
    String address = text.substring(0, slash);
    String length = text.substring(slash + 1);
    if (!isIpAddress(address) || !length.matches("[0-9]{1,3}")) {
      return false;
    }
    return Integer.parseInt(length) <= (address.contains(":") ? 128 : 32);
  }
}
