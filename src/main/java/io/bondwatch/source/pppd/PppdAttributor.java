package io.bondwatch.source.pppd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ties pppd events to configured members by pid (DESIGN.md 3.4, pppd-behaviour.md 1-3). Feed events
 * in log order; not thread-safe (one instance per log source).
 *
 * <p>A pid becomes a member's pppd when it names the member's device ({@code Starting negotiation
 * on}, {@code Connect: ... <-->}, {@code Connected to ... via interface}), its ifname ({@code Using
 * interface}, {@code Renamed interface}, {@code Link attached to}) or its linkname ({@link
 * #bindLinkname}), and stays it until {@code Exit.}. {@code started by} restarts a pid's state
 * (pids are reused) and ends the pre-fork parent of a daemonising pppd, whose only lines are plugin
 * banners. A multilink master's bundle-wide events reach every member attached to its bundle.
 */
public final class PppdAttributor {

  /** Bounds memory when pppds die without {@code Exit.} (kill -9) and pids keep changing. */
  static final int MAX_TRACKED_PIDS = 1024;

  private enum Role {
    NONE,
    MASTER,
    MEMBER
  }

  /** What one pppd process has told us so far. */
  private static final class Proc {
    String member;
    String bundle;
    Role role = Role.NONE;
    boolean pluginOnly = true;
  }

  private final List<MemberMatch> matches;
  private final Map<Integer, Proc> procs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Proc> eldest) {
          return size() > MAX_TRACKED_PIDS;
        }
      };

  public PppdAttributor(List<MemberMatch> matches) {
    this.matches = List.copyOf(matches);
  }

  /** The event with its member, and every member it affects. */
  public AttributedEvent accept(PppdEvent e) {
    Objects.requireNonNull(e, "event");
    Integer key = e.pid();
    if (e.event() == PppdEventType.START) {
      procs.remove(key);
      procs.values().removeIf(p -> p.pluginOnly); // a daemonising pppd's parent is gone
    }
    Proc p = procs.computeIfAbsent(key, k -> new Proc());
    learn(p, e);
    List<String> affected = new ArrayList<>(2);
    if (p.member != null) {
      affected.add(p.member);
    }
    if (p.role == Role.MASTER && isBundleWide(e)) {
      String bundle = p.bundle;
      for (Proc other : procs.values()) {
        if (bundle.equals(other.bundle) && other.member != null) {
          if (!affected.contains(other.member)) {
            affected.add(other.member);
          }
          if (e.event() != PppdEventType.SIGNAL) {
            other.bundle = null; // the bundle is gone; a member must attach again
            other.role = Role.NONE;
          }
        }
      }
    }
    if (e.event() == PppdEventType.EXIT) {
      procs.remove(key);
    }
    return new AttributedEvent(e.withMember(p.member), affected);
  }

  /** A pid read from {@code /var/run/ppp-LINKNAME.pid}: that pppd is the member with LINKNAME. */
  public void bindLinkname(int pid, String linkname) {
    for (MemberMatch m : matches) {
      if (linkname.equals(m.linkname())) {
        Proc p = procs.computeIfAbsent(pid, k -> new Proc());
        p.member = m.member();
        p.pluginOnly = false;
      }
    }
  }

  /** Forgets the pid-less (bare logfile) process: the next input file is another pppd's logfile. */
  public void forgetPidless() {
    procs.remove(null);
  }

  private void learn(Proc p, PppdEvent e) {
    if (e.event() != PppdEventType.PLUGIN) {
      p.pluginOnly = false;
    }
    switch (e.event()) {
      case NEGOTIATION, CONNECT, PPPOE_CONNECTED -> {
        String byDevice = byDevice(e.device());
        if (byDevice != null) {
          p.member = byDevice;
        } else if (p.member == null) {
          p.member = byIfname(e.interfaceName());
        }
      }
      case INTERFACE -> p.member = p.member != null ? p.member : byIfname(e.interfaceName());
      case BUNDLE_CREATED, BUNDLE_JOINED -> {
        p.role = e.event() == PppdEventType.BUNDLE_CREATED ? Role.MASTER : Role.MEMBER;
        p.bundle = e.interfaceName();
        p.member = p.member != null ? p.member : byIfname(e.interfaceName());
      }
      default -> {}
    }
  }

  /**
   * The master's lines that end the bundle for everyone: the bundle unit's EOF, the bundle's {@code
   * Connection terminated.} (a master's own link ends with {@code Link terminated.}), and
   * SIGTERM/SIGINT or exit, which tear the bundle down (members get SIGHUP).
   */
  private static boolean isBundleWide(PppdEvent e) {
    return switch (e.event()) {
      case LINK_DOWN -> !"link terminated".equals(e.reason());
      case SIGNAL -> e.reason() != null && e.reason().startsWith("signal ");
      case EXIT -> true;
      default -> false;
    };
  }

  private String byDevice(String device) {
    for (MemberMatch m : matches) {
      if (m.matchesDevice(device)) {
        return m.member();
      }
    }
    return null;
  }

  /** Only an unambiguous ifname: multilink members often share the bundle's name. */
  private String byIfname(String ifname) {
    String found = null;
    for (MemberMatch m : matches) {
      if (ifname != null && ifname.equals(m.ifname())) {
        if (found != null) {
          return null;
        }
        found = m.member();
      }
    }
    return found;
  }
}
