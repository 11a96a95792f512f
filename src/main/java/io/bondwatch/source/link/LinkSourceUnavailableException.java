package io.bondwatch.source.link;

/** The link source cannot run on this host (its command is missing); the message says why. */
public final class LinkSourceUnavailableException extends RuntimeException {
  public LinkSourceUnavailableException(String message) {
    super(message);
  }
}
