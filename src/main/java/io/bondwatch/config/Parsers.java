package io.bondwatch.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

  /**
   * A Linux network interface name: what the kernel's {@code dev_valid_name} accepts (at most 15
   * bytes, no '/', ':' or white space, not "." or ".."), and no leading '-', which ping and ip
   * would read as an option ({@code ping -I -I}).
   */
  static String interfaceName(String text) {
    if (!isInterfaceName(text)) {
      throw new IllegalArgumentException(
          "is not a valid interface name (1-15 bytes, no '/', ':' or white space, not starting"
              + " with '-', not '.' or '..')");
    }
    return text;
  }

  static boolean isInterfaceName(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    return bytes >= 1
        && bytes <= 15
        && !text.startsWith("-")
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
