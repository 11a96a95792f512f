package io.bondwatch.config;

/** {@code reports[].period}: what each scheduled report covers. */
public enum ReportPeriod {
  DAY,
  WEEK,
  MONTH
}
