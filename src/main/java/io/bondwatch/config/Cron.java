package io.bondwatch.config;

import java.text.ParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Quartz cron expressions ({@code reports[].cron}): 6 or 7 fields, seconds first. Quartz's own
 * parser is the judge, with two holes closed: it takes the number 99 in any field for {@code *}
 * (its internal marker for "all"), so {@code 99 99 99 * * ?} fires every second, and it accepts
 * dates that never come ({@code 0 0 0 31 2 ?}).
 */
final class Cron {
  private static final String[] FIELDS = {
    "second", "minute", "hour", "day of month", "month", "day of week", "year"
  };
  private static final int[] MIN = {0, 0, 0, 1, 1, 1, 1970};
  private static final int[] MAX = {59, 59, 23, 31, 12, 7, 2099};
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");
  // parts whose numbers are not field values: a step (/15), an nth weekday (#2), an offset (L-3)
  private static final Pattern NOT_A_VALUE = Pattern.compile("/[0-9]+|#[0-9]+|L-[0-9]+");

  private Cron() {}

  /** The expression as written, if valid; else a message naming what is wrong. */
  static String parse(String text) {
    String[] fields = text.strip().split("\\s+");
    if (fields.length == 5) {
      throw new IllegalArgumentException(
          "has 5 fields; Quartz cron needs 6 or 7, seconds first (e.g. '0 5 0 * * ?' for 00:05"
              + " daily)");
    }
    CronExpression cron;
    try {
      cron = new CronExpression(text);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException(
          "is not a valid Quartz cron expression: " + e.getMessage());
    }
    for (int i = 0; i < fields.length && i < FIELDS.length; i++) {
      Matcher m = NUMBER.matcher(NOT_A_VALUE.matcher(fields[i]).replaceAll(""));
      while (m.find()) {
        int value = m.group().length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(m.group());
        if (value < MIN[i] || value > MAX[i]) {
          throw new IllegalArgumentException(
              String.format(
                  "has %s %s; it must be between %d and %d", FIELDS[i], m.group(), MIN[i], MAX[i]));
        }
      }
    }
    if (cron.getNextValidTimeAfter(new Date(0)) == null) {
      throw new IllegalArgumentException("never fires: no date matches it");
    }
    return text;
  }

  static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
