package io.bondwatch.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.SystemTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection against the real service: for a few minutes, at random from a printed seed,
 * garbage, huge and special files at {@code sources.netdev}; the pppd log rotated, deleted,
 * replaced by a directory or a FIFO and back, its checkpoint corrupted between restarts; ping
 * killed or frozen, a member's link down, its device deleted and re-created; half-open and
 * slowloris HTTP clients; SIGHUP; kill -9 and restart. Throughout, {@link InvariantMonitor} holds
 * the promises, and at every quiet point no pppd line written has been lost.
 *
 * <p>Reproduce a failure with {@code mvn verify -Dit.test=ChaosIT -Dchaos.seed=SEED}; {@code
 * -Dchaos.seconds=N} changes the length (default 150).
 */
class ChaosIT {
  @TempDir Path dir;

  private Random random;
  private ChaosRig rig;
  private InvariantMonitor monitor;
  private final HttpAbuse abuse = new HttpAbuse();

  /** Lines written, and lines the current lifetime had read, at the last quiet point. */
  private long writtenAtLastQuiet;

  private long linesAtLastQuiet;

  private final StringBuilder journal = new StringBuilder();
  private final long t0 = System.nanoTime();

  @Test
  void theServiceKeepsItsPromisesUnderInjectedFaults() throws Exception {
    SystemTests.require("ip", "ping", "nft", "mkfifo", "kill");
    long seed = Long.getLong("chaos.seed", new SecureRandom().nextLong());
    long seconds = Long.getLong("chaos.seconds", 150);
    System.err.println("ChaosIT: seed " + seed + " (rerun: -Dchaos.seed=" + seed + ")");
    random = new Random(seed);
    rig = new ChaosRig(dir);
    monitor = new InvariantMonitor(rig);
    try {
      run(seconds);
      List<String> v = monitor.violations();
      assertThat(v)
          .as(
              "seed %d: broken promises (rerun with -Dchaos.seed=%d)%nactions:%n%s%n%s",
              seed, seed, journal, rig.outputs())
          .isEmpty();
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          "ChaosIT seed " + seed + " failed: " + e.getMessage() + "\nactions:\n" + journal, e);
    } finally {
      System.err.println("ChaosIT: seed " + seed + ", " + monitor.summary() + "\n" + journal);
      abuse.close();
      monitor.close();
      rig.close();
    }
  }

  private void run(long seconds) throws Exception {
    rig.start();
    rig.pppd.resume();
    monitor.resume();
    awaitMembersUp();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      act();
      TimeUnit.MILLISECONDS.sleep(300 + random.nextInt(1500));
    }
    abuse.release();
    quiesceAndCheckLines("end");
    monitor.checkBytes();
  }

  private void act() throws Exception {
    int roll = random.nextInt(100);
    if (roll < 22) {
      netdevFault();
    } else if (roll < 32) {
      boolean copy = random.nextBoolean();
      note("pppd log rotated (" + (copy ? "copytruncate" : "rename+create") + ")");
      rig.pppd.rotate(copy);
    } else if (roll < 40) {
      pppdMishap();
    } else if (roll < 48) {
      pingKill();
    } else if (roll < 54) {
      pingFreeze();
    } else if (roll < 64) {
      linkDown();
    } else if (roll < 70) {
      recreate();
    } else if (roll < 80) {
      httpAbuse();
    } else if (roll < 88) {
      sighup();
    } else {
      killAndRestart();
    }
  }

  private void netdevFault() throws Exception {
    SyntheticNetDev.Fault f =
        SyntheticNetDev.Fault.values()[random.nextInt(SyntheticNetDev.Fault.values().length)];
    long hold = 500 + random.nextInt(3500);
    note("netdev: " + f + " for " + hold + " ms");
    rig.netdev.inject(f, random);
    TimeUnit.MILLISECONDS.sleep(hold);
    rig.netdev.heal();
  }

  private void pppdMishap() throws Exception {
    PppdLogWriter.Mishap m =
        List.of(
                PppdLogWriter.Mishap.DELETE,
                PppdLogWriter.Mishap.DIRECTORY,
                PppdLogWriter.Mishap.FIFO)
            .get(random.nextInt(3));
    long hold = 500 + random.nextInt(2500);
    // deleting lines the service has not read yet would be the test's loss: let it catch up
    quiesceAndCheckLines("before " + m);
    note("pppd log " + m + " for " + hold + " ms");
    rig.pppd.replace(m, hold, random);
    rig.pppd.resume();
  }

  private void pingKill() throws Exception {
    int i = random.nextInt(2);
    Optional<ProcessHandle> ping = ping(i);
    note("ping of " + ChaosRig.MEMBERS.get(i) + " killed" + (ping.isEmpty() ? " (none ran)" : ""));
    ping.ifPresent(ProcessHandle::destroyForcibly);
  }

  private void pingFreeze() throws Exception {
    int i = random.nextInt(2);
    Optional<ProcessHandle> ping = ping(i);
    note("ping of " + ChaosRig.MEMBERS.get(i) + " frozen (SIGSTOP, never continued)");
    if (ping.isPresent()) {
      SyntheticNetDev.run("kill", "-STOP", Long.toString(ping.get().pid()));
    }
  }

  private Optional<ProcessHandle> ping(int member) {
    String dev = rig.device(member);
    return rig.process()
        .process()
        .descendants()
        .filter(
            p ->
                p.info().command().map(c -> c.endsWith("ping")).orElse(false)
                    && p.info().arguments().map(a -> List.of(a).contains(dev)).orElse(false))
        .findFirst();
  }

  private void linkDown() throws Exception {
    int i = random.nextInt(2);
    String member = ChaosRig.MEMBERS.get(i);
    long hold = 500 + random.nextInt(3500);
    note("link of " + member + " down for " + hold + " ms");
    monitor.linkFault(member);
    rig.bed().linkDown(rig.bed().link(i));
    TimeUnit.MILLISECONDS.sleep(hold);
    rig.bed().linkUp(rig.bed().link(i));
    monitor.linkWorks(member);
  }

  private void recreate() {
    int i = random.nextInt(2);
    String member = ChaosRig.MEMBERS.get(i);
    note("device of " + member + " deleted and re-created");
    monitor.linkFault(member);
    rig.bed().recreate(rig.bed().link(i));
    monitor.linkWorks(member);
  }

  private void httpAbuse() throws Exception {
    int halfOpen = 5 + random.nextInt(60);
    int slow = random.nextInt(10);
    long hold = 1000 + random.nextInt(4000);
    note(halfOpen + " half-open and " + slow + " slowloris clients for " + hold + " ms");
    abuse.halfOpen(rig.port(), halfOpen);
    abuse.slowloris(rig.port(), slow, 200);
    TimeUnit.MILLISECONDS.sleep(hold);
    abuse.release();
  }

  private void sighup() throws Exception {
    note("SIGHUP");
    long pid = rig.process().process().pid();
    SyntheticNetDev.run("kill", "-HUP", Long.toString(pid));
    TimeUnit.MILLISECONDS.sleep(500);
    if (!rig.process().process().isAlive()) {
      monitor.violation(
          "SIGHUP stopped the service (exit " + rig.process().process().exitValue() + ")");
      restartAfterDeath();
    }
  }

  private void killAndRestart() throws Exception {
    quiesceAndCheckLines("before kill -9");
    monitor.pause();
    note("kill -9");
    rig.kill9();
    if (random.nextBoolean()) {
      corruptCheckpoints();
    }
    int whileStopped = random.nextInt(200);
    note(whileStopped + " pppd lines written while stopped");
    rig.pppd.burst(whileStopped);
    linesAtLastQuiet = 0;
    rig.start();
    monitor.resume();
    rig.pppd.resume();
  }

  private void restartAfterDeath() throws Exception {
    monitor.pause();
    // what the dead process had not read is not this lifetime's to account for
    writtenAtLastQuiet = rig.pppd.pause();
    linesAtLastQuiet = 0;
    rig.start();
    monitor.resume();
    rig.pppd.resume();
  }

  /** Garbage, truncation, emptiness or binary in one or every state file (never the lock). */
  private void corruptCheckpoints() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(rig.state)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(".lock"))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      note("no state files to corrupt");
      return;
    }
    boolean all = random.nextBoolean();
    for (Path f : files) {
      if (!all && random.nextBoolean()) {
        continue;
      }
      int kind = random.nextInt(5);
      byte[] bytes =
          switch (kind) {
            case 0 -> "}{ not json".getBytes();
            case 1 -> {
              byte[] old = Files.readAllBytes(f);
              yield java.util.Arrays.copyOf(old, old.length / 2);
            }
            case 2 -> new byte[0];
            case 3 -> {
              byte[] b = new byte[512];
              random.nextBytes(b);
              yield b;
            }
            default ->
                new String(Files.readAllBytes(f))
                    .replaceAll("\"position\":\\d+", "\"position\":-5")
                    .getBytes();
          };
      Files.write(f, bytes);
      note("state file " + f.getFileName() + " corrupted (kind " + kind + ")");
    }
  }

  /**
   * Pauses the writer and waits until the service has read every line written since the last quiet
   * point: a line it never reads is a lost line. Lines read again (at-least-once after a kill -9,
   * or a whole file re-read when no checkpoint survived) only add to the count, and the surplus of
   * one interval is not carried into the next, so it cannot hide a later loss.
   */
  private void quiesceAndCheckLines(String when) throws Exception {
    long written = rig.pppd.pause();
    long expected = linesAtLastQuiet + (written - writtenAtLastQuiet);
    try {
      await("pppd lines read " + when)
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> linesRead() >= expected);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      monitor.violation(
          String.format(
              "pppd lines lost %s: lifetime %d read %.0f lines, %d expected (%d written since the"
                  + " last quiet point)",
              when, rig.lifetimes(), linesRead(), expected, written - writtenAtLastQuiet));
    }
    writtenAtLastQuiet = written;
    linesAtLastQuiet = (long) Math.max(0, linesRead());
  }

  private double linesRead() {
    var r = rig.process().get("/metrics");
    return r.code() == 200 ? ChaosRig.sum(r.body(), "bondwatch_log_lines_total") : -1;
  }

  private void awaitMembersUp() {
    await("both members up")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "up".equals(rig.process().state("dsl1"))
                    && "up".equals(rig.process().state("dsl2")));
  }

  private void note(String action) {
    String line = String.format("%7.1fs %s", (System.nanoTime() - t0) / 1e9, action);
    journal.append(line).append('\n');
  }
}
