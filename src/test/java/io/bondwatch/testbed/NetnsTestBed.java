package io.bondwatch.testbed;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Real links for system tests and benches. The host side of every member is a veth device in the
 * current (root) network namespace, so bondwatch runs unchanged and its HTTP port stays on
 * loopback; the far end of every member lives in one network namespace this bed creates. All
 * addresses are from 198.18.0.0/15 (RFC 2544 benchmarking range) inside that namespace, so probe
 * and test traffic never leaves the machine.
 *
 * <p>{@link #close()} kills what the bed started and deletes the namespace (which deletes the veth
 * pairs); a shutdown hook does the same if a test never gets to close it.
 */
public final class NetnsTestBed implements AutoCloseable {

  /** One member link: host-side device and address, far-side device and address. */
  public record Link(int index, String hostDev, String farDev, String hostIp, String farIp) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id;
  private final String ns;
  private final int subnet;
  private final List<Link> links = new ArrayList<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final Thread hook;
  private volatile boolean closed;

  private NetnsTestBed(String id, int subnet) {
    this.id = id;
    this.ns = "bw-" + id;
    this.subnet = subnet;
    this.hook = new Thread(this::cleanup, "netns-testbed-cleanup-" + id);
  }

  /** Creates the far namespace and {@code members} veth links, all up and addressed. */
  public static NetnsTestBed create(int members) {
    if (members < 1 || members > 60) {
      throw new IllegalArgumentException("members must be 1..60, not " + members);
    }
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    NetnsTestBed bed = new NetnsTestBed(id, freeSubnet());
    Runtime.getRuntime().addShutdownHook(bed.hook);
    try {
      Cmd.run("ip", "netns", "add", bed.ns);
      bed.inNs("ip", "link", "set", "lo", "up");
      for (int i = 0; i < members; i++) {
        bed.links.add(bed.addLink(i));
      }
      return bed;
    } catch (RuntimeException e) {
      bed.close();
      throw e;
    }
  }

  private static int freeSubnet() {
    String used = Cmd.run("ip", "-4", "-o", "addr", "show");
    for (int attempt = 0; attempt < 50; attempt++) {
      int s = RANDOM.nextInt(512);
      if (!used.contains(" " + prefix(s))) {
        return s;
      }
    }
    throw new IllegalStateException("no free /24 in 198.18.0.0/15 after 50 tries");
  }

  private static String prefix(int s) {
    return "198." + (18 + s / 256) + "." + (s % 256) + ".";
  }

  private Link addLink(int i) {
    String host = "bw" + id + "h" + i;
    String far = "bw" + id + "f" + i;
    String hostIp = prefix(subnet) + (4 * i + 1);
    String farIp = prefix(subnet) + (4 * i + 2);
    Cmd.run("ip", "link", "add", host, "type", "veth", "peer", "name", far, "netns", ns);
    Cmd.run("ip", "addr", "add", hostIp + "/30", "dev", host);
    Cmd.run("ip", "link", "set", host, "up");
    inNs("ip", "addr", "add", farIp + "/30", "dev", far);
    inNs("ip", "link", "set", far, "up");
    return new Link(i, host, far, hostIp, farIp);
  }

  public String namespace() {
    return ns;
  }

  public List<Link> links() {
    return List.copyOf(links);
  }

  public Link link(int index) {
    return links.get(index);
  }

  /** Runs a command inside the far namespace and returns its output. */
  public String inNs(String... argv) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(argv));
    return Cmd.run(cmd);
  }

  /** Starts a long-running process inside the far namespace; closed with the bed. */
  public Process startInNs(String... argv) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(argv));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      processes.add(p);
      return p;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start " + cmd + ": " + e, e);
    }
  }

  /**
   * Shapes a link with a token bucket per direction: {@code down} on the far side's egress (what
   * the host receives), {@code up} on the host side's egress. Rates in tc syntax, e.g. "5mbit".
   */
  public void shape(Link link, String down, String up) {
    inNs(tbf(link.farDev(), down));
    Cmd.run(tbf(link.hostDev(), up));
  }

  private static String[] tbf(String dev, String rate) {
    // burst of ~10 ms at the rate (at least 3 full frames), latency bounding the queue
    return new String[] {
      "tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate", rate, "burst", "32kb", "latency",
      "50ms"
    };
  }

  /**
   * Drops {@code percent} of the packets arriving at the far end of the link, at random (nftables
   * numgen). 0 removes the rule; 100 makes the link silent while its carrier stays up.
   */
  public void loss(Link link, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100");
    }
    String table = "bwloss" + link.index();
    Cmd.tryRun(List.of("ip", "netns", "exec", ns, "nft", "delete", "table", "inet", table));
    if (percent == 0) {
      return;
    }
    String rules =
        "table inet "
            + table
            + " {\n chain in {\n  type filter hook input priority 0; policy accept;\n"
            + "  iifname \""
            + link.farDev()
            + "\" "
            + (percent == 100 ? "" : "numgen random mod 100 < " + percent + " ")
            + "drop\n }\n}\n";
    nftApply(rules);
  }

  private void nftApply(String rules) {
    try {
      Process p =
          new ProcessBuilder("ip", "netns", "exec", ns, "nft", "-f", "-")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().write(rules.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("nft -f failed: " + out.strip() + "\n" + rules);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot run nft: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Far targets take the top of the bed's /24, clear of the links' /30s (at most 60 links). */
  private static final int MAX_FAR_TARGETS = 12;

  private int farTargets;

  /**
   * A second address on the far side, beyond the link's far end (as a host past the ISP's gateway
   * is): on the namespace's loopback, routed from the host through the link's far address. Returns
   * the address, from the top of the bed's /24.
   */
  public String addFarTarget(Link link) {
    if (farTargets >= MAX_FAR_TARGETS) {
      throw new IllegalStateException("at most " + MAX_FAR_TARGETS + " far targets per bed");
    }
    String address = prefix(subnet) + (254 - farTargets++);
    inNs("ip", "addr", "add", address + "/32", "dev", "lo");
    // deleted with the host device when the bed closes
    Cmd.run("ip", "route", "add", address + "/32", "via", link.farIp(), "dev", link.hostDev());
    return address;
  }

  /**
   * Drops every packet to {@code address} that reaches the far namespace (nftables), as a target
   * that stops answering while the link and the other targets still work; {@code false} removes the
   * rule.
   */
  public void dropTo(String address, boolean drop) {
    String table = "bwto" + address.replaceAll("[^0-9]", "_");
    Cmd.tryRun(List.of("ip", "netns", "exec", ns, "nft", "delete", "table", "inet", table));
    if (drop) {
      nftApply(
          "table inet "
              + table
              + " {\n chain in {\n  type filter hook input priority 0; policy accept;\n"
              + "  ip daddr "
              + address
              + " drop\n }\n}\n");
    }
  }

  /** Takes the host side of the link administratively down, as a dead modem would look. */
  public void linkDown(Link link) {
    Cmd.run("ip", "link", "set", link.hostDev(), "down");
  }

  public void linkUp(Link link) {
    Cmd.run("ip", "link", "set", link.hostDev(), "up");
  }

  /** Takes the far side down: the host side stays administratively up but loses its carrier. */
  public void farDown(Link link) {
    inNs("ip", "link", "set", link.farDev(), "down");
  }

  public void farUp(Link link) {
    inNs("ip", "link", "set", link.farDev(), "up");
  }

  /** Deletes the veth pair of a link and creates it again with the same names and addresses. */
  public void recreate(Link link) {
    delete(link);
    createAgain(link);
  }

  /** Deletes the veth pair of a link (the device is gone, as pppN between two PPPoE sessions). */
  public void delete(Link link) {
    Cmd.run("ip", "link", "del", link.hostDev());
  }

  /** Creates a deleted link again with the same names and addresses (and a new ifindex). */
  public void createAgain(Link link) {
    links.set(link.index(), addLink(link.index()));
  }

  @Override
  public void close() {
    cleanup();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
  }

  private synchronized void cleanup() {
    if (closed) {
      return;
    }
    closed = true;
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Link l : links) {
      Cmd.tryRun(List.of("ip", "link", "del", l.hostDev()));
    }
    Cmd.tryRun(List.of("ip", "netns", "del", ns));
  }
}
