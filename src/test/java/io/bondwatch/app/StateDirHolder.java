package io.bondwatch.app;

import java.nio.file.Path;

/**
 * A second process for {@link StateDirTest}: {@code hold DIR} locks the state directory, prints
 * {@code locked} and keeps the lock until killed; {@code probe DIR} tries once and prints what
 * happened.
 */
public final class StateDirHolder {
  private StateDirHolder() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("probe")) {
      try (StateDir d = StateDir.lock(dir)) {
        System.out.println("locked");
      } catch (StartupException e) {
        System.out.println(e.getMessage());
      }
      return;
    }
    StateDir held = StateDir.lock(dir);
    System.out.println("locked " + held.dir());
    System.out.flush();
    System.in.read(); // until killed, or the test closes our stdin
    held.close();
  }
}
