package io.bondwatch.config;

/**
 * {@code http: { listen: "host:port" }}, default {@code 0.0.0.0:9469}. Port 0 asks for any free
 * port (tests); an IPv6 host is written in brackets ({@code "[::]:9469"}).
 */
public record HttpConfig(String host, int port) {
  public static final int DEFAULT_PORT = 9469;

  public HttpConfig {
    Checks c = new Checks();
    c.matches(host, Hosts::isIpOrHostName, "listen", "host is not an IP address or host name");
    c.between(port, 0, 65535, "listen");
    c.throwIfAny();
  }

  public static HttpConfig defaults() {
    return new HttpConfig("0.0.0.0", DEFAULT_PORT);
  }

  /** Parses {@code host:port}, {@code [v6]:port} or {@code :port} (all addresses). */
  static HttpConfig parseListen(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("is not host:port (e.g. 0.0.0.0:9469 or [::1]:9469)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "has an IPv6 host without brackets; write [" + host + "]:port");
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    if (port > 65535) {
      throw new IllegalArgumentException("has port " + port + "; ports go up to 65535");
    }
    host = host.isEmpty() ? "0.0.0.0" : host;
    if (!Hosts.isIpOrHostName(host)) {
      throw new IllegalArgumentException(
          "has host '" + host + "', which is not an IP address or host name");
    }
    return new HttpConfig(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
