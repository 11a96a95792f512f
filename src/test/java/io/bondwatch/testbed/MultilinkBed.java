package io.bondwatch.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulated Multilink PPP bundle for system tests and benches (docs/multilink.md): link 0 is the
 * bundle, a veth with an address that the bundle probe pings through; links 1.. are the members'
 * underlays, veths without any address. In the far namespace one python3 process per underlay sends
 * a PPPoE session frame carrying an LCP Echo-Reply every heartbeat, as a peer answering each
 * member's pppd does. A silent member death is what MP shows: that member's frames stop, and the
 * bundle stalls (nftables drops everything at the bundle's far end).
 */
public final class MultilinkBed implements AutoCloseable {
  private final NetnsTestBed bed;
  private final Duration heartbeat;
  private final Path sender;
  private final List<Process> senders = new ArrayList<>();

  private MultilinkBed(NetnsTestBed bed, Duration heartbeat, Path sender) {
    this.bed = bed;
    this.heartbeat = heartbeat;
    this.sender = sender;
  }

  /** The bundle and {@code members} underlays, with every member's heartbeat running. */
  public static MultilinkBed create(int members, Duration heartbeat) {
    NetnsTestBed bed = NetnsTestBed.create(members + 1);
    try {
      MultilinkBed mp = new MultilinkBed(bed, heartbeat, senderScript());
      for (int i = 1; i <= members; i++) {
        NetnsTestBed.Link u = bed.link(i);
        Cmd.run("ip", "addr", "flush", "dev", u.hostDev());
        bed.inNs("ip", "addr", "flush", "dev", u.farDev());
        // no IPv6 autoconfiguration chatter: the underlay receives the heartbeat only
        Cmd.run("sysctl", "-q", "-w", "net.ipv6.conf." + u.hostDev() + ".disable_ipv6=1");
        bed.inNs("sysctl", "-q", "-w", "net.ipv6.conf." + u.farDev() + ".disable_ipv6=1");
        mp.senders.add(null);
        mp.startSender(i - 1);
      }
      return mp;
    } catch (RuntimeException e) {
      bed.close();
      throw e;
    }
  }

  private static Path senderScript() {
    try {
      return Path.of(MultilinkBed.class.getResource("/testbed/pppoe_echo_sender.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public NetnsTestBed.Link bundle() {
    return bed.link(0);
  }

  /** The underlay of member {@code i} (0-based). */
  public NetnsTestBed.Link underlay(int i) {
    return bed.link(i + 1);
  }

  public int members() {
    return senders.size();
  }

  /**
   * A config for {@code bondwatch run}: members dsl1.. on the underlays, no probes of their own.
   */
  public String config(int port, Path stateDir) {
    StringBuilder y = new StringBuilder();
    y.append("bond: { name: mp0, mode: multilink, interface: ")
        .append(bundle().hostDev())
        .append(", probe: { target: ")
        .append(bundle().farIp())
        .append(" } }\nmembers:\n");
    for (int i = 0; i < members(); i++) {
      y.append("  - { name: dsl")
          .append(i + 1)
          .append(", interface: ")
          .append(underlay(i).hostDev())
          .append(" }\n");
    }
    y.append("probe: { interval: 200ms, timeout: 1s }\n");
    y.append("http: { listen: \"127.0.0.1:").append(port).append("\" }\n");
    y.append("storage: { dir: ").append(stateDir).append(" }\n");
    return y.toString();
  }

  private void startSender(int i) {
    NetnsTestBed.Link u = underlay(i);
    String mac;
    try {
      mac = Files.readString(Path.of("/sys/class/net", u.hostDev(), "address")).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the MAC of " + u.hostDev() + ": " + e, e);
    }
    Process p =
        bed.startInNs(
            "python3",
            sender.toString(),
            u.farDev(),
            mac,
            Integer.toString(0x1000 + i),
            Double.toString(heartbeat.toNanos() / 1e9));
    // the first line says the socket is open: frames flow from here on
    try {
      String first =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (!"sending".equals(first)) {
        throw new IllegalStateException("heartbeat sender on " + u.farDev() + " said: " + first);
      }
    } catch (IOException e) {
      throw new IllegalStateException("heartbeat sender on " + u.farDev() + ": " + e, e);
    }
    senders.set(i, p);
  }

  /** Member {@code i} dies silently: its heartbeat stops and the bundle stalls. */
  public void silence(int i) {
    stopSender(i);
    bed.loss(bundle(), 100);
  }

  /**
   * Every member dies silently at the same moment (their heartbeats stop microseconds apart, not an
   * nft run apart), and the bundle stalls.
   */
  public void silenceAll() {
    for (int i = 0; i < senders.size(); i++) {
      stopSender(i);
    }
    bed.loss(bundle(), 100);
  }

  private void stopSender(int i) {
    Process p = senders.get(i);
    if (p != null) {
      p.destroy();
      senders.set(i, null);
    }
  }

  /** Member {@code i} comes back: heartbeat again, and the bundle carries. */
  public void revive(int i) {
    if (senders.get(i) == null) {
      startSender(i);
    }
    bed.loss(bundle(), 0);
  }

  /** The far side of an underlay goes down: the host side loses its carrier. */
  public void farDown(NetnsTestBed.Link link) {
    bed.farDown(link);
  }

  /** The far side of an underlay comes up again: the host side has its carrier back. */
  public void farUp(NetnsTestBed.Link link) {
    bed.farUp(link);
  }

  @Override
  public void close() {
    for (Process p : senders) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
    bed.close();
  }
}
