package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Loading a config for a command: the config, or its problems printed one per line. */
final class ConfigCli {
  private ConfigCli() {}

  /** The valid config, or null after printing every problem to {@code err}. */
  static BondwatchConfig loadOrReport(Path file, PrintWriter err) {
    ConfigResult result = ConfigLoader.load(file);
    if (result instanceof ConfigResult.Valid valid) {
      return valid.config();
    }
    for (ConfigProblem p : result.problems()) {
      err.println(p.render());
    }
    err.flush();
    return null;
  }

  /** A config shipped inside the jar; a broken one is a build bug, so it throws. */
  static BondwatchConfig resource(String name) {
    try (InputStream in = ConfigCli.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      ConfigResult r =
          ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
      if (r instanceof ConfigResult.Valid valid) {
        return valid.config();
      }
      throw new IllegalStateException("invalid built-in config " + name + ": " + r.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
