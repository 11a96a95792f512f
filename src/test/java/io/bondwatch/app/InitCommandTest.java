package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCommandTest {
  private static final String NETDEV =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n"
          + "    lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
          + "  eth0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
          + "  eth1: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
          + "  eth2: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
          + "  ppp0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n";

  @TempDir Path dir;

  static JsonNode yaml(String text) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  /** A host with two multilink pppds (one by nic-eth1, one through a peers file) and ppp0. */
  static List<String> hostWithTwoPppds(Path dir, String routesJson) throws IOException {
    Files.writeString(dir.resolve("dev"), NETDEV);
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("ppp-dsl1.pid"), "1201\nppp0\n");
    Files.writeString(run.resolve("ppp-dsl2.pid"), "1202\n");
    Path proc = dir.resolve("proc");
    Files.createDirectories(proc.resolve("1201"));
    Files.writeString(
        proc.resolve("1201/cmdline"),
        "/usr/sbin/pppd\0plugin\0rp-pppoe.so\0nic-eth1\0multilink\0linkname\0dsl1\0");
    Files.createDirectories(proc.resolve("1202"));
    Files.writeString(proc.resolve("1202/cmdline"), "/usr/sbin/pppd\0call\0dsl2\0");
    Path peers = Files.createDirectories(dir.resolve("peers"));
    Files.writeString(peers.resolve("dsl2"), "# second line\nplugin rp-pppoe.so eth2\nmultilink\n");
    Path ip = ip(dir, routesJson, "[]");
    Path log = Files.writeString(dir.resolve("messages"), "");
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--proc-net-dev", dir.resolve("dev").toString()));
    args.addAll(List.of("--run-dir", run.toString(), "--proc", proc.toString()));
    args.addAll(List.of("--peers-dir", peers.toString(), "--ip", ip.toString()));
    args.addAll(List.of("--syslog", dir.resolve("none") + "," + log));
    return args;
  }

  /** A stand-in for ip: {@code ip -j route ...} and {@code ip -j -d link ...} print the JSON. */
  static Path ip(Path dir, String routesJson, String linksJson) throws IOException {
    Path ip = dir.resolve("ip");
    Files.writeString(
        ip,
        "#!/bin/sh\ncase \"$*\" in\n*route*) cat <<'X'\n"
            + routesJson
            + "\nX\n;;\n*link*) cat <<'X'\n"
            + linksJson
            + "\nX\n;;\nesac\n");
    Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwx------"));
    return ip;
  }

  /**
   * A host without pppd: eth0 and eth1 could be uplinks; br0 is a bridge with eth2 as its port,
   * veth1 a container's link.
   */
  static List<String> hostWithoutPppd(Path dir, String routesJson) throws IOException {
    List<String> args = hostWithTwoPppds(dir, routesJson);
    set(args, "--run-dir", dir.resolve("empty").toString());
    Files.writeString(
        dir.resolve("dev"),
        NETDEV.lines().limit(3).map(l -> l + "\n").reduce("", String::concat)
            + "  eth0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
            + "  eth1: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
            + "   br0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
            + "  eth2: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
            + " veth1: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n");
    ip(
        dir,
        routesJson,
        "[{\"ifname\":\"lo\",\"link_type\":\"loopback\"},"
            + "{\"ifname\":\"eth0\",\"link_type\":\"ether\"},"
            + "{\"ifname\":\"eth1\",\"link_type\":\"ether\"},"
            + "{\"ifname\":\"br0\",\"link_type\":\"ether\",\"linkinfo\":{\"info_kind\":\"bridge\"}},"
            + "{\"ifname\":\"eth2\",\"link_type\":\"ether\",\"master\":\"br0\","
            + "\"linkinfo\":{\"info_slave_kind\":\"bridge\"}},"
            + "{\"ifname\":\"veth1\",\"link_type\":\"ether\",\"linkinfo\":{\"info_kind\":\"veth\"}}]");
    return args;
  }

  private static void set(List<String> args, String option, String value) {
    args.set(args.indexOf(option) + 1, value);
  }

  static String run(List<String> args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new InitCommand());
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(args.toArray(String[]::new));
    assertThat(code).isZero();
    return out.toString();
  }

  @Test
  void writesAMultilinkConfigForTwoPppoeMembers() throws IOException {
    String routes = "[{\"dst\":\"default\",\"gateway\":\"203.0.113.1\",\"dev\":\"ppp0\"}]";
    String text = run(hostWithTwoPppds(dir, routes));

    JsonNode c = yaml(text);
    assertThat(c.at("/bond/mode").asText()).isEqualTo("multilink");
    assertThat(c.at("/bond/interface").asText()).isEqualTo("ppp0");
    assertThat(c.at("/members/0/name").asText()).isEqualTo("dsl1");
    assertThat(c.at("/members/0/interface").asText()).isEqualTo("eth1");
    assertThat(c.at("/members/0/pppd/device").asText()).isEqualTo("eth1");
    // multilink members have no IP: the bundle is probed, through its default gateway here
    assertThat(c.at("/bond/probe/target").asText()).isEqualTo("203.0.113.1");
    assertThat(c.at("/members/0/probe").isMissingNode()).isTrue();
    assertThat(c.at("/members/1/probe").isMissingNode()).isTrue();
    assertThat(c.at("/members/1/interface").asText()).isEqualTo("eth2");
    assertThat(c.at("/sources/pppd/log").asText()).isEqualTo(dir.resolve("messages").toString());
    assertThat(c.at("/sources/netdev").asText()).isEqualTo(dir.resolve("dev").toString());
    assertThat(c.at("/actuator/type").asText()).isEqualTo("dry-run");
    assertThat(c.fieldNames())
        .toIterable()
        .containsExactly(
            "bond", "members", "sources", "probe", "policy", "actuator", "http", "storage");
    assertThat(text)
        .contains("# Found pppd dsl1: pid 1201, device eth1, interface ppp0, multilink")
        .contains("#   lcp-echo-interval 1")
        .contains("#   lcp-echo-failure 5")
        .contains("#   debug debug");
  }

  @Test
  void takesTheBundleAndThePeerFromPppdsLogWhenThePidFilesDoNotSay() throws IOException {
    List<String> args = hostWithTwoPppds(dir, "[]");
    Files.writeString(dir.resolve("run/ppp-dsl1.pid"), "1201\n");
    Files.writeString(
        dir.resolve("messages"),
        """
        Nov 29 10:00:01 r pppd[1201]: New bundle ppp7 created
        Nov 29 10:00:01 r pppd[1201]: local  IP address 198.18.9.2
        Nov 29 10:00:01 r pppd[1201]: remote IP address 198.18.9.1
        Nov 29 10:00:02 r pppd[1202]: Link attached to ppp7
        """);

    JsonNode c = yaml(run(args));

    assertThat(c.at("/bond/interface").asText()).isEqualTo("ppp7");
    assertThat(c.at("/bond/probe/target").asText()).isEqualTo("198.18.9.1");
    assertThat(c.at("/members/0/interface").asText()).isEqualTo("eth1");
    assertThat(c.at("/members/1/interface").asText()).isEqualTo("eth2");
  }

  @Test
  void fallsBackToDefaultRouteMembersWithoutPppd() throws IOException {
    List<String> args =
        hostWithTwoPppds(
            dir,
            "[{\"dst\":\"default\",\"nexthops\":["
                + "{\"gateway\":\"192.0.2.1\",\"dev\":\"eth1\"},{\"gateway\":\"198.51.100.1\",\"dev\":\"eth2\"}]}]");
    set(args, "--run-dir", dir.resolve("empty").toString());

    JsonNode c = yaml(run(args));

    assertThat(c.at("/bond/mode").asText()).isEqualTo("weighted");
    assertThat(c.at("/bond/interface").isMissingNode()).isTrue();
    assertThat(c.at("/members/0/interface").asText()).isEqualTo("eth1");
    assertThat(c.at("/members/1/probe/target").asText()).isEqualTo("198.51.100.1");
    assertThat(c.at("/members/1/pppd").isMissingNode()).isTrue();
  }

  @Test
  void withoutMultipathRouteWritesEveryInterfaceThatCanBeAnUplink() throws IOException {
    String routes = "[{\"dst\":\"default\",\"gateway\":\"10.1.1.1\",\"dev\":\"eth1\"}]";
    String text = run(hostWithoutPppd(dir, routes));

    JsonNode c = yaml(text);
    assertThat(c.at("/members").size()).isEqualTo(2);
    assertThat(c.at("/members/0/interface").asText()).isEqualTo("eth1");
    assertThat(c.at("/members/0/probe/target").asText()).isEqualTo("10.1.1.1");
    assertThat(c.at("/members/1/interface").asText()).isEqualTo("eth0");
    assertThat(c.at("/members/1/probe/target").asText()).isEqualTo("192.0.2.1");
    assertThat(text)
        .contains(
            "# Not members (cannot carry a WAN link): br0 (bridge), eth2 (a port of bridge br0),"
                + " veth1 (veth)")
        .contains("# TODO: delete if eth0 is not a bonded link");
  }

  @Test
  void withoutAnyDefaultRouteEveryCandidateGetsAPlaceholderTarget() throws IOException {
    JsonNode c = yaml(run(hostWithoutPppd(dir, "[]")));

    assertThat(c.at("/members").size()).isEqualTo(2);
    assertThat(c.at("/members/0/interface").asText()).isEqualTo("eth0");
    assertThat(c.at("/members/1/interface").asText()).isEqualTo("eth1");
    assertThat(c.at("/members/1/probe/target").asText()).isEqualTo("192.0.2.1");
  }

  @Test
  void marksARealGatewayAsSuchEvenWhenItEqualsThePlaceholder() throws IOException {
    List<String> args =
        hostWithoutPppd(dir, "[{\"dst\":\"default\",\"gateway\":\"192.0.2.1\",\"dev\":\"eth1\"}]");

    String text = run(args);

    assertThat(text.lines().filter(l -> l.contains("interface: \"eth1\" }")))
        .singleElement()
        .asString()
        .endsWith("# the default-route gateway on this device");
    assertThat(text.lines().filter(l -> l.contains("interface: \"eth0\" }")))
        .singleElement()
        .asString()
        .contains("TODO: an address");
  }

  @Test
  void toleratesAFailingIpAndSaysSo() throws IOException {
    List<String> args = hostWithTwoPppds(dir, "[]");
    set(args, "--ip", dir.resolve("no-such-ip").toString());

    String text = run(args);

    assertThat(text).contains("# Could not read: default routes:");
    JsonNode c = yaml(text);
    assertThat(c.at("/bond/probe/target").asText()).isEqualTo("192.0.2.1");
    assertThat(text).contains("TODO: an address that answers pings through the bundle");
  }

  @Test
  void reportsUnreadablePidFilesAndGoesOn() throws IOException {
    List<String> args = hostWithTwoPppds(dir, "[]");
    Files.writeString(dir.resolve("run/ppp-broken.pid"), "not a pid\n");

    String text = run(args);

    assertThat(text).contains("# Could not read: " + dir.resolve("run/ppp-broken.pid"));
    assertThat(yaml(text).at("/members").size()).isEqualTo(2);
  }
}
