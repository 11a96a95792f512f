package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.config.PolicyConfig;
import io.bondwatch.config.PppdSource;
import io.bondwatch.domain.link.DeviceLinks;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberPolicy;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.sink.metrics.BondwatchMetrics;
import io.bondwatch.source.link.LinkSource;
import io.bondwatch.source.pppd.FileTailer;
import io.bondwatch.source.pppd.JournalOptions;
import io.bondwatch.source.pppd.JournalSource;
import io.bondwatch.source.pppd.LineSource;
import io.bondwatch.source.pppd.TailerMetrics;
import io.bondwatch.source.pppd.TailerOptions;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.time.TaskHealth;
import io.bondwatch.time.TickWatchdog;
import io.bondwatch.time.TimeSource;
import io.bondwatch.web.HttpApi;
import io.bondwatch.web.Readiness;
import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole object graph by constructor injection from a validated
 * config, starts it, and closes it in reverse order.
 */
public final class Wiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);

  /** A once-a-second task that has not succeeded for this long is reported stuck. */
  static final Duration STALE_AFTER = Duration.ofSeconds(5);

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
  private final BondwatchConfig config;
  private final TimeSource time;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private ScheduledExecutorService ticker;
  private final PrometheusMeterRegistry registry;
  private final BondwatchMetrics metrics;
  private final BondView view;
  private final Traffic traffic;
  private final PeriodicTasks tasks;
  private final TaskHealth netdevHealth;
  private final ExecutorService netdevReader;
  private final Multilink multilink;
  private HttpApi http;
  private StateDir stateDir;
  private volatile LineSource pppdSource;
  private final DeviceLinks links;
  private volatile LinkSource linkSource;
  private volatile boolean ready;

  /** Builds the object graph; nothing runs yet (the reader's thread starts with its first read). */
  private Wiring(BondwatchConfig config, TimeSource time) {
    this.config = config;
    this.time = time;
    for (MemberConfig m : config.members()) {
      Member member = MemberProbes.member(config, m, time);
      member.addListener(Wiring::logChange);
      members.put(m.name(), member);
    }
    tasks = new PeriodicTasks(time);
    netdevHealth = tasks.register("netdev", "netdev sampler", STALE_AFTER);
    netdevReader = Executors.newSingleThreadExecutor(r -> thread(r, "bondwatch-netdev-read"));
    traffic = new Traffic(config, time, netdevReader, netdevHealth);
    multilink = Multilink.of(config, members, time);
    view = new BondView(config, members, traffic, time, multilink);
    registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new CollectorRegistry(), Clock.SYSTEM);
    registry.config().commonTags("bond", config.bond().name());
    metrics = new BondwatchMetrics(view, BuildInfo.version());
    metrics.bindTo(registry);
    tasks.onRegister(metrics::bindTask);
    links = LinkWatches.of(config, members, metrics.linkMetrics());
  }

  /** Starts everything in order; whatever started is on the close stack, even on failure. */
  private void startAll(Prober probes, LinkSource linkSource, int httpPort) throws IOException {
    toClose.push(registry::close);
    // first, so that a second instance on the same directory fails saying so, before anything else
    stateDir = StateDir.lock(config.storage().dir());
    toClose.push(stateDir);
    toClose.push(netdevReader::shutdownNow);
    ticker = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "bondwatch-tick"));
    toClose.push(ticker::shutdownNow);
    try {
      http =
          new HttpApi(
              config.http().host(),
              httpPort,
              registry.getPrometheusRegistry(),
              view::status,
              () -> Readiness.of(notReady()));
    } catch (java.net.BindException e) {
      throw new StartupException(
          "cannot listen on " + config.http().host() + ":" + httpPort + ": " + e.getMessage(), e);
    }
    toClose.push(http);

    startPppdSource();
    toClose.push(probes);
    toClose.push(multilink);
    multilink.start(probes, ticker, tasks, config.probe().interval());
    for (MemberConfig m : config.members()) {
      MemberProbes.start(probes, m, members.get(m.name()), metrics);
    }
    LinkWatches.restartProbes(config, links, probes);
    multilink.follow(links);
    toClose.push(linkSource);
    linkSource.start(links.devices(), links::observe);
    this.linkSource = linkSource;
    TickWatchdog watchdog = new TickWatchdog(time, Duration.ofSeconds(1), Duration.ofSeconds(2));
    TaskHealth tick = tasks.register("tick", "clock watchdog", STALE_AFTER);
    ticker.scheduleAtFixedRate(tick.guard(watchdog::tick, true), 1, 1, TimeUnit.SECONDS);
    // the sampler reports its own successes: a tick that starts a read has not read anything yet
    ticker.scheduleAtFixedRate(netdevHealth.guard(traffic::sample, false), 0, 1, TimeUnit.SECONDS);
    ready = true;
  }

  private void startPppdSource() throws IOException {
    PppdSource ps = config.sources().pppd();
    if (ps == null) {
      log.info("pppd: no sources.pppd configured; members follow probes only");
      return;
    }
    Path state = stateDir.dir();
    ThreadFactory threads = r -> thread(r, "bondwatch-pppd-log");
    TailerMetrics tm = metrics.tailerMetrics();
    LineSource source =
        ps.journal()
            ? new JournalSource(JournalOptions.of(state), tm, time, threads)
            : new FileTailer(TailerOptions.of(ps.log(), state), tm, time, threads);
    try {
      source.start(
          new PppdFeed(
              PppdMembers.of(config),
              members,
              metrics,
              io.bondwatch.source.pppd.PppdPidFiles.system(),
              multilink.events()));
    } catch (IllegalStateException e) {
      throw new StartupException("pppd log: " + e.getMessage(), e);
    }
    toClose.push(source);
    pppdSource = source;
  }

  /**
   * Why the service is not ready, one line each; empty when it is. Sources have their start
   * position once started, so "started" plus their own problems is the whole answer.
   */
  List<String> notReady() {
    if (!ready) {
      return List.of("starting");
    }
    List<String> out = new ArrayList<>(tasks.problems());
    LineSource s = pppdSource;
    if (s != null) {
      out.addAll(s.problems());
    }
    LinkSource l = linkSource;
    if (l != null) {
      out.addAll(l.problems());
    }
    return out;
  }

  /** Why a file operation failed, in words: a FileSystemException's message is just the path. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof java.nio.file.FileSystemException) {
      return e.getClass()
          .getSimpleName()
          .replace("Exception", "")
          .replaceAll("([a-z])([A-Z])", "$1 $2")
          .toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage();
  }

  /** Builds and starts everything without a link source (the demo, tests). */
  public static Wiring start(BondwatchConfig config, TimeSource time, Prober probes, int httpPort)
      throws IOException {
    return start(config, time, probes, LinkSource.NONE, httpPort);
  }

  /** Builds and starts everything; on failure closes what it had started and rethrows. */
  public static Wiring start(
      BondwatchConfig config, TimeSource time, Prober probes, LinkSource links, int httpPort)
      throws IOException {
    Wiring w = new Wiring(config, time);
    try {
      w.startAll(probes, links, httpPort);
      return w;
    } catch (IOException | RuntimeException e) {
      w.close();
      probes.close();
      links.close();
      throw e;
    }
  }

  static MemberPolicy memberPolicy(PolicyConfig p) {
    return new MemberPolicy(
        p.degraded().loss().value(), p.degraded().rtt(), p.restore().consecutiveOk());
  }

  private static void logChange(MemberSnapshot s, MemberState from) {
    if (s.state() == MemberState.DOWN) {
      log.warn("member {}: {} -> {} ({})", s.name(), from.label(), s.state().label(), s.reason());
    } else {
      log.info("member {}: {} -> {} ({})", s.name(), from.label(), s.state().label(), s.reason());
    }
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Runs a task every second on the service's ticker, guarded and watched like every other. */
  public void every(String what, Runnable task) {
    TaskHealth health = tasks.register(what.replace(' ', '-'), what, STALE_AFTER);
    ticker.scheduleAtFixedRate(health.guard(task, true), 1, 1, TimeUnit.SECONDS);
  }

  public int httpPort() {
    return http.port();
  }

  public Map<String, Member> members() {
    return Map.copyOf(members);
  }

  public String scrape() {
    return registry.scrape();
  }

  StatusDocumentSupplier status() {
    return view::status;
  }

  /** The status document as the HTTP API serves it. */
  @FunctionalInterface
  interface StatusDocumentSupplier
      extends java.util.function.Supplier<io.bondwatch.web.StatusDocument> {}

  @Override
  public synchronized void close() {
    ready = false;
    while (!toClose.isEmpty()) {
      AutoCloseable c = toClose.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("shutdown: closing {} failed", c, e);
      }
    }
  }
}
