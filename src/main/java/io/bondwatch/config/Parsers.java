package io.bondwatch.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/** The {@link ValueParser}s for the plain scalar kinds of the config. */
final class Parsers {
  private Parsers() {}

  /**
   * Member, bond and report names: they become Prometheus label values, file names and {@code
   * {member}} arguments of actuator commands, so they stay short and shell- and path-safe.
   */
  static String name(String text) {
    if (!isName(text)) {
      throw new IllegalArgumentException(
          "is not a valid name (1-32 characters: letters, digits, '_', '.', '-', starting with a letter or digit)");
    }
    return text;
  }

  static boolean isName(String text) {
    return text.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  }

  /** A Linux network interface name, as the kernel's dev_valid_name accepts it. */
  static String interfaceName(String text) {
    if (!isInterfaceName(text)) {
      throw new IllegalArgumentException(
          "is not a valid interface name (1-15 characters, no '/', ':' or white space)");
    }
    return text;
  }

  static boolean isInterfaceName(String text) {
    return text.length() >= 1
        && text.length() <= 15
        && !text.equals(".")
        && !text.equals("..")
        && text.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c < 32);
  }

  static String host(String text) {
    if (!Hosts.isIpOrHostName(text)) {
      throw new IllegalArgumentException("is not an IP address or host name");
    }
    return text;
  }

  static String ipAddress(String text) {
    if (!Hosts.isIpAddress(text)) {
      throw new IllegalArgumentException("is not an IP address");
    }
    return text;
  }

  /** An absolute path; whether it exists is checked at run time, not here. */
  static Path absolutePath(String text) {
    try {
      Path path = Path.of(text);
      if (!path.isAbsolute()) {
        throw new IllegalArgumentException("is not an absolute path (it must start with '/')");
      }
      return path;
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid path: " + e.getReason());
    }
  }

  /** Only {@code true} and {@code false}: YAML 1.1's yes/no/on/off are too easy to misread. */
  static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("is not true or false");
    };
  }

  /** A non-blank string, taken as written. */
  static String text(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text;
  }

  /** A Quartz cron expression: 6 or 7 fields, seconds first ({@code 0 5 0 * * ?}). */
  static String cron(String text) {
    int fields = text.strip().split("\\s+").length;
    if (fields == 5) {
      throw new IllegalArgumentException(
          "has 5 fields; Quartz cron needs 6 or 7, seconds first (e.g. '0 5 0 * * ?' for 00:05 daily)");
    }
    try {
      CronExpression.validateExpression(text);
      return text;
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException(
          "is not a valid Quartz cron expression: " + e.getMessage());
    }
  }

  /** An enum written in lower case with '-' for '_': {@code dry-run} for {@code DRY_RUN}. */
  static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
    return text -> {
      for (E constant : type.getEnumConstants()) {
        if (spelling(constant).equals(text)) {
          return constant;
        }
      }
      String choices =
          Arrays.stream(type.getEnumConstants())
              .map(Parsers::spelling)
              .collect(Collectors.joining(", "));
      String close =
          DidYouMean.suggest(
              text, Arrays.stream(type.getEnumConstants()).map(Parsers::spelling).toList());
      throw new IllegalArgumentException("is not one of: " + choices + close);
    };
  }

  static String spelling(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
