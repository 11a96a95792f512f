package io.bondwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command actuator's argv templates (run without a shell). An empty list means "not
 * configured". Placeholders: {@code {member}} and {@code {interface}} everywhere, {@code {weight}}
 * in {@code weight} only.
 *
 * @param drop {@code actuator.drop}, e.g. {@code [poff, "{member}"]}
 * @param restore {@code actuator.restore}
 * @param weight {@code actuator.weight}; needed by the command actuator in weighted mode only
 * @param timeout {@code actuator.timeout}, default 10s (100ms..10m)
 */
public record CommandTemplates(
    List<String> drop, List<String> restore, List<String> weight, Duration timeout) {
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Set<String> MEMBER_PLACEHOLDERS = Set.of("member", "interface");
  private static final Set<String> WEIGHT_PLACEHOLDERS = Set.of("member", "interface", "weight");

  public CommandTemplates {
    drop = List.copyOf(drop);
    restore = List.copyOf(restore);
    weight = List.copyOf(weight);
    Checks c = new Checks();
    checkTemplate(c, drop, "drop", MEMBER_PLACEHOLDERS);
    checkTemplate(c, restore, "restore", MEMBER_PLACEHOLDERS);
    checkTemplate(c, weight, "weight", WEIGHT_PLACEHOLDERS);
    c.within(timeout, MIN_TIMEOUT, MAX_TIMEOUT, "timeout");
    c.throwIfAny();
  }

  public static CommandTemplates none() {
    return new CommandTemplates(List.of(), List.of(), List.of(), Duration.ofSeconds(10));
  }

  private static void checkTemplate(
      Checks c, List<String> argv, String field, Set<String> allowed) {
    if (!argv.isEmpty()) {
      c.require(!argv.get(0).isBlank(), field, argv, "must start with a program name");
    }
    for (String arg : argv) {
      Matcher m = PLACEHOLDER.matcher(arg);
      while (m.find()) {
        c.require(
            allowed.contains(m.group(1)),
            field,
            argv,
            "uses unknown placeholder '"
                + m.group()
                + "'; known here: {"
                + String.join("}, {", allowed.stream().sorted().toList())
                + "}");
      }
    }
  }
}
