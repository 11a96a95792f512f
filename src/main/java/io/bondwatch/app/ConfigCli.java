package io.bondwatch.app;

import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loading a config for a command: the config, or its problems printed one per line. */
final class ConfigCli {
  private ConfigCli() {}

  /** The valid config with its warnings, or null after printing every problem to {@code err}. */
  static ConfigResult.Valid loadOrReport(Path file, PrintWriter err) {
    ConfigResult result = ConfigLoader.load(file);
    if (result instanceof ConfigResult.Valid valid) {
      return valid;
    }
    for (ConfigProblem p : result.problems()) {
      err.println(p.render());
    }
    err.flush();
    return null;
  }
}
