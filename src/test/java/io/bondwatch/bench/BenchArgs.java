package io.bondwatch.bench;

/** Command-line handling shared by the bench mains: a bad argument prints usage and exits 2. */
final class BenchArgs {
  private BenchArgs() {}

  /** The value after option {@code args[i - 1]}, or usage and exit when there is none. */
  static String value(String[] args, int i, String bench, String usage) {
    if (i >= args.length) {
      usage(bench, args[i - 1] + " needs a value", usage);
    }
    return args[i];
  }

  static void usage(String bench, String problem, String usage) {
    System.err.println(bench + ": " + problem + "\nusage: " + usage);
    System.exit(2);
  }
}
