package dev.taskcheck.engine;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.LifecycleMetrics.Bin;
import dev.taskcheck.model.LifecycleMetrics.Edge;
import dev.taskcheck.model.LifecycleMetrics.Stat;
import dev.taskcheck.model.LifecycleMetrics.StuckTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Adds up the lifecycle of Task histories into {@link LifecycleMetrics}. Keeps one number per
 * history and measure (for the percentiles), not the histories. Not thread-safe: the pipeline feeds
 * it from one thread.
 */
public final class MetricsCollector {

  /**
   * The measures of one history.
   *
   * @param latest the latest version's status, null when it has none
   * @param changes its status changes, oldest first, each judged by the state machine in force for
   *     the version that made it
   */
  public record HistoryMetrics(
      boolean history,
      int versions,
      Map<TaskStatus, Duration> timeInStatus,
      @Nullable Duration waitTime,
      @Nullable Duration toCompletion,
      @Nullable StuckTask stuck,
      @Nullable TaskStatus latest,
      List<Change> changes) {}

  /**
   * A status change between consecutive versions, and how the state machine in force judges it
   * ({@link StateMachine#change}; null: refused).
   */
  public record Change(
      StateMachine machine, TaskStatus from, TaskStatus to, StateMachine.@Nullable EdgeKind kind) {}

  private final @Nullable Duration stuckAfter;
  private long histories;
  private long versions;
  private final Map<TaskStatus, Series> inStatus = new EnumMap<>(TaskStatus.class);
  private final Series wait = new Series();
  private final Series toCompletion = new Series();
  private long stuckCount;
  private final List<StuckTask> stuck = new ArrayList<>();
  private final Map<TaskStatus, Long> latest = new EnumMap<>(TaskStatus.class);
  private final Map<String, Tally> workflows = new LinkedHashMap<>();

  public MetricsCollector(@Nullable Duration stuckAfter) {
    this.stuckAfter = stuckAfter;
  }

  /**
   * The measures of one history (a single Task counts only for the stuck list); {@code machines}
   * gives the state machine in force for a release.
   */
  public static HistoryMetrics measure(
      TaskHistory history,
      @Nullable StuckTask stuck,
      Function<FhirRelease, StateMachine> machines) {
    List<TaskVersion> v = history.versions();
    Map<TaskStatus, Duration> in = new EnumMap<>(TaskStatus.class);
    Duration wait = null;
    Duration toCompletion = null;
    FhirTemporal first = v.get(0).timestamp();
    // a history that starts in progress (or completed) began before its first version: its wait (or
    // its
    // time to completion) is unknown, not zero
    boolean waited = v.get(0).status() != TaskStatus.IN_PROGRESS;
    boolean open = v.get(0).status() != TaskStatus.COMPLETED;
    for (int i = 0; i < v.size(); i++) {
      TaskVersion cur = v.get(i);
      FhirTemporal t = cur.timestamp();
      if (first != null && t != null) {
        Duration since = Duration.between(first.low(), t.low());
        if (!since.isNegative()) {
          if (waited && wait == null && cur.status() == TaskStatus.IN_PROGRESS) {
            wait = since;
          }
          if (open && toCompletion == null && cur.status() == TaskStatus.COMPLETED) {
            toCompletion = since;
          }
        }
      }
    }
    // a spell in a status runs from the version that entered it to the first later version with
    // another
    // status; a spell no later version ends (the current status) is not counted
    int i = 0;
    while (i < v.size()) {
      TaskStatus s = v.get(i).status();
      int j = i + 1;
      while (j < v.size() && v.get(j).status() == s) {
        j++;
      }
      FhirTemporal from = v.get(i).timestamp();
      FhirTemporal to = j < v.size() ? v.get(j).timestamp() : null;
      if (s != null && from != null && to != null && !to.low().isBefore(from.low())) {
        in.merge(s, Duration.between(from.low(), to.low()), Duration::plus);
      }
      i = j;
    }
    List<Change> changes = new ArrayList<>();
    for (int k = 1; k < v.size(); k++) {
      TaskStatus from = v.get(k - 1).status();
      TaskStatus to = v.get(k).status();
      if (from != null && to != null && from != to) {
        StateMachine machine = machines.apply(v.get(k).release());
        changes.add(
            new Change(
                machine, from, to, machine.change(from, to, TaskHistory.statusBefore(v, k))));
      }
    }
    return new HistoryMetrics(
        history.kind() == TaskHistory.Kind.HISTORY,
        v.size(),
        in,
        wait,
        toCompletion,
        stuck,
        v.get(v.size() - 1).status(),
        changes);
  }

  public void add(HistoryMetrics m) {
    if (m.stuck() != null) {
      stuckCount++;
      stuck.add(m.stuck());
      if (stuck.size() > 2 * LifecycleMetrics.MAX_STUCK_LISTED) {
        trimStuck();
      }
    }
    if (!m.history()) {
      return;
    }
    histories++;
    versions += m.versions();
    m.timeInStatus().forEach((s, d) -> inStatus.computeIfAbsent(s, k -> new Series()).add(d));
    if (m.waitTime() != null) {
      wait.add(m.waitTime());
    }
    if (m.toCompletion() != null) {
      toCompletion.add(m.toCompletion());
    }
    if (m.latest() != null) {
      latest.merge(m.latest(), 1L, Long::sum);
    }
    for (Change c : m.changes()) {
      workflows.computeIfAbsent(c.machine().name(), k -> new Tally(c.machine())).add(c);
    }
  }

  private void trimStuck() {
    stuck.sort(Comparator.comparing(StuckTask::idle).reversed().thenComparing(StuckTask::resource));
    stuck.subList(Math.min(stuck.size(), LifecycleMetrics.MAX_STUCK_LISTED), stuck.size()).clear();
  }

  public LifecycleMetrics result() {
    trimStuck();
    Map<String, Stat> byStatus = new LinkedHashMap<>();
    for (Map.Entry<TaskStatus, Series> e : inStatus.entrySet()) {
      byStatus.put(e.getKey().code(), e.getValue().stat());
    }
    Series progress = inStatus.get(TaskStatus.IN_PROGRESS);
    return new LifecycleMetrics(
        histories,
        versions,
        byStatus,
        wait.stat(),
        progress == null ? Stat.EMPTY : progress.stat(),
        toCompletion.stat(),
        stuckAfter,
        stuckCount,
        stuck,
        codes(latest),
        workflows.values().stream().map(Tally::workflow).toList());
  }

  private static Map<String, Long> codes(Map<TaskStatus, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((s, n) -> out.put(s.code(), n));
    return out;
  }

  /** The changes observed under one state machine. */
  private static final class Tally {
    private final StateMachine machine;
    private final Map<Key, Long> counts = new TreeMap<>();

    /** An edge and how it was judged; sorted by the statuses' order in the value set, then kind. */
    private record Key(TaskStatus from, TaskStatus to, String kind) implements Comparable<Key> {
      private static final Comparator<Key> ORDER =
          Comparator.comparing(Key::from).thenComparing(Key::to).thenComparing(Key::kind);

      @Override
      public int compareTo(Key o) {
        return ORDER.compare(this, o);
      }
    }

    Tally(StateMachine machine) {
      this.machine = machine;
    }

    void add(Change c) {
      String kind = c.kind() == null ? Edge.REFUSED : c.kind().code();
      counts.merge(new Key(c.from(), c.to(), kind), 1L, Long::sum);
    }

    LifecycleMetrics.Workflow workflow() {
      Map<Key, Long> left = new TreeMap<>(counts);
      List<Edge> edges = new ArrayList<>();
      Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
      statuses.addAll(machine.statuses());
      for (Map.Entry<TaskStatus, Map<TaskStatus, StateMachine.EdgeKind>> from :
          machine.edges().entrySet()) {
        for (Map.Entry<TaskStatus, StateMachine.EdgeKind> to : from.getValue().entrySet()) {
          String kind = to.getValue().code();
          Long n = left.remove(new Key(from.getKey(), to.getKey(), kind));
          edges.add(new Edge(from.getKey().code(), to.getKey().code(), kind, n == null ? 0 : n));
        }
      }
      // what is left: changes the table refuses, and returns from on-hold it allows by resumeFrom
      left.forEach(
          (k, n) -> {
            statuses.add(k.from());
            statuses.add(k.to());
            edges.add(new Edge(k.from().code(), k.to().code(), k.kind(), n));
          });
      return new LifecycleMetrics.Workflow(
          machine.name(),
          statuses.stream().map(TaskStatus::code).toList(),
          machine.initial().stream().map(TaskStatus::code).toList(),
          machine.terminal().stream().map(TaskStatus::code).toList(),
          edges);
    }
  }

  /** Durations in milliseconds, growing as needed. */
  private static final class Series {
    private long[] millis = new long[0]; // most runs have no history: nothing until a duration
    private int size;

    void add(Duration d) {
      if (size == millis.length) {
        millis = Arrays.copyOf(millis, Math.max(16, size * 2));
      }
      millis[size++] = d.toMillis();
    }

    Stat stat() {
      if (size == 0) {
        return Stat.EMPTY;
      }
      long[] sorted = Arrays.copyOf(millis, size);
      Arrays.sort(sorted);
      return new Stat(
          size,
          Duration.ofMillis(rank(sorted, 50)),
          Duration.ofMillis(rank(sorted, 90)),
          Duration.ofMillis(sorted[size - 1]),
          histogram(sorted));
    }

    /** The bins of {@link Bin#EDGES} from the first to the last holding a value. */
    private static List<Bin> histogram(long[] sorted) {
      List<Duration> edges = Bin.EDGES;
      long[] counts = new long[edges.size()];
      int bin = 0;
      for (long ms : sorted) {
        while (bin + 1 < edges.size() && ms >= edges.get(bin + 1).toMillis()) {
          bin++;
        }
        counts[bin]++;
      }
      int first = 0;
      while (counts[first] == 0) {
        first++;
      }
      int last = counts.length - 1;
      while (counts[last] == 0) {
        last--;
      }
      List<Bin> out = new ArrayList<>();
      for (int i = first; i <= last; i++) {
        out.add(new Bin(edges.get(i), i + 1 < edges.size() ? edges.get(i + 1) : null, counts[i]));
      }
      return out;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least p% of the values at or below
     * it.
     */
    private static long rank(long[] sorted, int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)];
    }
  }
}
