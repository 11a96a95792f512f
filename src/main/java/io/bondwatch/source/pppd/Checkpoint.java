package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * Where a file tailer stands: the file (by identity, since rotation keeps the name and changes the
 * file), the offset after the last delivered line, a fingerprint of the bytes just before it (to
 * recognise the same content in a rotated copy), and the consumer's own commit token.
 */
public record Checkpoint(
    String path,
    long device,
    long inode,
    long position,
    int fingerprintLength,
    String fingerprint,
    String consumerToken) {

  public Checkpoint {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fingerprint, "fingerprint");
    consumerToken = consumerToken == null ? "" : consumerToken;
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative: " + position);
    }
    if (fingerprintLength < 0 || fingerprintLength > position) {
      throw new IllegalArgumentException(
          "fingerprintLength must be within 0.." + position + ": " + fingerprintLength);
    }
  }

  public FileIdentity identity() {
    return new FileIdentity(device, inode);
  }
}
