package io.bondwatch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A /var/log/messages look-alike: kernel, systemd, cron, sshd, dnsmasq, netifd lines with a small
 * share of pppd multilink lines (pppd-behaviour.md 2-3). Seeded, so runs compare.
 */
final class SyslogGenerator {

  static final List<String> OTHER =
      List.of(
          "kernel: [%d.%06d] IN=eth0 OUT= MAC=00:11:22:33:44:55 SRC=198.51.100.%d DST=203.0.113.7 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=%d DF PROTO=TCP SPT=%d DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0",
          "systemd[1]: Started Session %d of User root.",
          "systemd[1]: session-%d.scope: Deactivated successfully.",
          "CRON[%d]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
          "sshd[%d]: Accepted publickey for admin from 192.0.2.%d port %d ssh2: ED25519 SHA256:Qm9uZHdhdGNoIGlzIGEgdGVzdA",
          "sshd[%d]: pam_unix(sshd:session): session opened for user admin(uid=1000) by (uid=0)",
          "dnsmasq[%d]: query[A] updates.example.org from 192.168.1.%d",
          "dnsmasq[%d]: reply updates.example.org is 203.0.113.%d",
          "netifd: Network device 'eth%d' link is up",
          "kernel: [%d.%06d] br-lan: port %d(eth0.1) entered forwarding state",
          "rsyslogd[%d]: imuxsock: Acquired UNIX socket '/run/systemd/journal/syslog' (fd 3) from systemd.  [v8.2302.0]");

  static final List<String> PPPD =
      List.of(
          "pppd[%d]: PPP session is %d",
          "pppd[%d]: Connected to 00:11:22:aa:bb:cc via interface eth%d",
          "pppd[%d]: Starting negotiation on eth%d",
          "pppd[%d]: CHAP authentication succeeded",
          "pppd[%d]: Using interface ppp%d",
          "pppd[%d]: Link attached to ppp%d",
          "pppd[%d]: No response to %d echo-requests",
          "pppd[%d]: Serial link appears to be disconnected.",
          "pppd[%d]: Link terminated.",
          "pppd[%d]: Sent %d bytes, received %d bytes.",
          "pppd[%d]: rcvd [LCP EchoRep id=0x%d magic=0x%d]",
          "pppd[%d]: Exit.");

  private static final String[] MONTHS = {"Nov", "Dec"};

  private SyslogGenerator() {}

  /** Writes about {@code bytes} bytes; {@code pppdPercent} of the lines are pppd's. */
  static long write(OutputStream out, long bytes, double pppdPercent, long seed)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long written = 0;
    long lines = 0;
    StringBuilder sb = new StringBuilder(256);
    while (written < bytes) {
      sb.setLength(0);
      long second = lines / 50;
      sb.append(MONTHS[(int) (second / 2_592_000) % 2]).append(' ');
      int day = 1 + (int) (second / 86_400) % 28;
      sb.append(day < 10 ? " " : "").append(day).append(' ');
      sb.append(
          String.format("%02d:%02d:%02d", (second / 3600) % 24, (second / 60) % 60, second % 60));
      sb.append(" router ");
      boolean pppd = rnd.nextDouble() * 100 < pppdPercent;
      List<String> pool = pppd ? PPPD : OTHER;
      String template = pool.get(rnd.nextInt(pool.size()));
      Object[] args = new Object[6];
      for (int k = 0; k < args.length; k++) {
        args[k] = rnd.nextInt(1, 65_000);
      }
      sb.append(String.format(template, args)).append('\n');
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      out.write(b);
      written += b.length;
      lines++;
    }
    return lines;
  }
}
