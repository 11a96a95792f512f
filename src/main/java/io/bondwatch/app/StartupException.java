package io.bondwatch.app;

/** A reason the service cannot start, worded for the person who started it. */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
