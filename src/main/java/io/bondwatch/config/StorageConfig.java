package io.bondwatch.config;

import java.nio.file.Path;

/**
 * {@code storage: { dir }}, default {@code /var/lib/bondwatch}: where the recorder keeps its SQLite
 * rollups (acted on by a later issue).
 */
public record StorageConfig(Path dir) {
  public static final Path DEFAULT_DIR = Path.of("/var/lib/bondwatch");

  public StorageConfig {
    Checks c = new Checks();
    c.present(dir, "dir");
    c.throwIfAny();
  }

  public static StorageConfig defaults() {
    return new StorageConfig(DEFAULT_DIR);
  }
}
