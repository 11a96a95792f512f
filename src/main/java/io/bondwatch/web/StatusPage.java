package io.bondwatch.web;

import java.util.Locale;

/** A plain server-rendered status page: no scripts, refreshes itself every 2 seconds. */
final class StatusPage {
  private StatusPage() {}

  static String render(StatusDocument doc) {
    StringBuilder sb = new StringBuilder(4096);
    StatusDocument.Bond b = doc.bond();
    sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"2\">")
        .append("<title>bondwatch: ")
        .append(esc(b.name()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}")
        .append(".up{background:#cfc}.degraded{background:#ffc}.down{background:#fcc}")
        .append(".suppressed{background:#fdb}.drained{background:#ddd}</style></head><body>")
        .append("<h1>bond ")
        .append(esc(b.name()))
        .append(" (")
        .append(esc(b.mode()))
        .append(")</h1><p id=\"bond\">")
        .append(b.activeMembers())
        .append(" of ")
        .append(b.members())
        .append(" members active; effective ")
        .append(mbit(b.effectiveRate().get("receive")))
        .append(" down / ")
        .append(mbit(b.effectiveRate().get("transmit")))
        .append(" up; nominal ")
        .append(mbit(b.nominalRate().get("receive")))
        .append(" / ")
        .append(mbit(b.nominalRate().get("transmit")))
        .append("</p>");
    multilink(sb, b.extra());
    sb.append("<table id=\"members\"><tr><th>member</th><th>state</th><th>reason</th>")
        .append("<th>RTT</th><th>loss</th><th>probes lost/sent</th><th>flaps</th></tr>");
    for (StatusDocument.Member m : doc.members()) {
      sb.append("<tr class=\"")
          .append(esc(m.state()))
          .append("\"><td>")
          .append(esc(m.name()))
          .append("</td><td>")
          .append(esc(m.state()))
          .append("</td><td>")
          .append(esc(m.reason()))
          .append("</td><td>")
          .append(
              m.rttSeconds() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f ms", m.rttSeconds() * 1000))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f %%", m.lossRatio() * 100))
          .append("</td><td>")
          .append(m.probesLost())
          .append('/')
          .append(m.probesSent())
          .append("</td><td>")
          .append(m.flaps())
          .append("</td></tr>");
    }
    sb.append(
            "</table><p><a href=\"/metrics\">metrics</a> · <a href=\"/api/v1/status\">status JSON</a>")
        .append(" · bondwatch ")
        .append(esc(doc.version()))
        .append("</p></body></html>\n");
    return sb.toString();
  }

  /** The bundle probe's state and a bundle-level fault, when the bond has them (multilink). */
  private static void multilink(StringBuilder sb, java.util.Map<String, Object> bond) {
    if (bond.get("probe") instanceof java.util.Map<?, ?> p) {
      sb.append("<p id=\"bundle-probe\" class=\"")
          .append(esc(String.valueOf(p.get("state"))))
          .append("\">bundle probe ")
          .append(esc(String.valueOf(p.get("target"))))
          .append(": ")
          .append(esc(String.valueOf(p.get("state"))))
          .append(" (")
          .append(esc(String.valueOf(p.get("reason"))))
          .append(")</p>");
    }
    if (bond.get("fault") instanceof String fault) {
      sb.append("<p id=\"fault\" class=\"down\">").append(esc(fault)).append("</p>");
    }
  }

  private static String mbit(Double bytesPerSecond) {
    if (bytesPerSecond == null || bytesPerSecond.isNaN()) {
      // a capacity neither configured nor estimated yet: unknown, never 0
      return "unknown";
    }
    return String.format(Locale.ROOT, "%.3f Mbit/s", bytesPerSecond * 8 / 1e6);
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
