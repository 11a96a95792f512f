package io.bondwatch.bench;

import java.util.List;
import java.util.Locale;

/** One process's figures at one member count, and how bench/footprint prints them. */
final class Row {
  final String who;
  final int members;
  final String links;
  double rssIdle = Double.NaN;
  double rssScraped = Double.NaN;
  double rssBurst = Double.NaN;
  double cpuIdle = Double.NaN;
  double cpuScraped = Double.NaN;
  double pingIdle = Double.NaN;
  double pingScraped = Double.NaN;
  int threadsIdle;
  int threadsAfter;
  int body;
  double p50Steady = Double.NaN;
  double p99Steady = Double.NaN;
  double p50KeepAlive = Double.NaN;
  double p99KeepAlive = Double.NaN;
  double p50Close = Double.NaN;
  double p99Close = Double.NaN;

  Row(String who, int members, String links) {
    this.who = who;
    this.members = members;
    this.links = links;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-13s RSS %.1f MB idle, %.1f MB scraped 1/s, %.1f MB after the burst; CPU %.2f%% idle,"
            + " %.2f%% scraped 1/s%s; threads %d, %d after; /metrics %d B: p50/p99 %.2f/%.2f ms"
            + " at 1/s, %.2f/%.2f ms kept alive, %.2f/%.2f ms new connection",
        who,
        rssIdle,
        rssScraped,
        rssBurst,
        cpuIdle,
        cpuScraped,
        Double.isNaN(pingIdle)
            ? ""
            : String.format(Locale.ROOT, " (pings %.2f%% / %.2f%%)", pingIdle, pingScraped),
        threadsIdle,
        threadsAfter,
        body,
        p50Steady,
        p99Steady,
        p50KeepAlive,
        p99KeepAlive,
        p50Close,
        p99Close);
  }

  static void printTable(List<Row> rows) {
    System.out.println(
        "process        members  RSS MB idle/1s/burst  CPU% idle/1s  ping CPU% idle/1s  threads"
            + "  body B  p50/p99 ms 1/s  kept alive   new conn");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-14s %4d %-4s %5.1f %5.1f %5.1f   %5.2f %5.2f     %5s %5s      %3d/%-3d %7d"
              + "  %5.2f/%-5.2f  %5.2f/%-5.2f %5.2f/%-5.2f%n",
          r.who,
          r.members,
          r.links,
          r.rssIdle,
          r.rssScraped,
          r.rssBurst,
          r.cpuIdle,
          r.cpuScraped,
          Double.isNaN(r.pingIdle) ? "-" : String.format(Locale.ROOT, "%.2f", r.pingIdle),
          Double.isNaN(r.pingScraped) ? "-" : String.format(Locale.ROOT, "%.2f", r.pingScraped),
          r.threadsIdle,
          r.threadsAfter,
          r.body,
          r.p50Steady,
          r.p99Steady,
          r.p50KeepAlive,
          r.p99KeepAlive,
          r.p50Close,
          r.p99Close);
    }
  }

  /** bondwatch over node_exporter, per member count, where both were measured. */
  static void printRatios(List<Row> rows) {
    for (Row bw : rows) {
      if (!bw.who.equals("bondwatch")) {
        continue;
      }
      for (Row ne : rows) {
        if (ne.who.equals("node_exporter") && ne.members == bw.members) {
          System.out.printf(
              Locale.ROOT,
              "ratio bondwatch/node_exporter at %d member(s): RSS %.1fx idle, %.1fx after the"
                  + " burst; CPU %.1fx at 1 scrape/s; /metrics p99 kept alive %.2fx (bodies %d B"
                  + " vs %d B)%n",
              bw.members,
              bw.rssIdle / ne.rssIdle,
              bw.rssBurst / ne.rssBurst,
              bw.cpuScraped / ne.cpuScraped,
              bw.p99KeepAlive / ne.p99KeepAlive,
              bw.body,
              ne.body);
        }
      }
    }
  }
}
