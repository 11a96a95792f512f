package io.bondwatch.config;

/**
 * Turns one YAML scalar into a value. A bad text throws {@link IllegalArgumentException} whose
 * message is a predicate about the text ("is not a duration; ..."): the reader puts the quoted
 * text, the key path and the line in front of it.
 */
@FunctionalInterface
interface ValueParser<T> {
  T parse(String text);
}
