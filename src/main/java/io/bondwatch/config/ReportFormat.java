package io.bondwatch.config;

/** {@code reports[].formats} entries. */
public enum ReportFormat {
  HTML,
  CSV,
  JSON,
  MD
}
