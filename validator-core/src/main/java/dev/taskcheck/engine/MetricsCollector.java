package dev.taskcheck.engine;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.LifecycleMetrics.Stat;
import dev.taskcheck.model.LifecycleMetrics.StuckTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds up the lifecycle of Task histories into {@link LifecycleMetrics}. Keeps one number per
 * history and measure (for the percentiles), not the histories. Not thread-safe: the pipeline feeds
 * it from one thread.
 */
public final class MetricsCollector {

  /** The measures of one history. */
  public record HistoryMetrics(
      boolean history,
      int versions,
      Map<TaskStatus, Duration> timeInStatus,
      @Nullable Duration waitTime,
      @Nullable Duration toCompletion,
      @Nullable StuckTask stuck) {}

  private final @Nullable Duration stuckAfter;
  private long histories;
  private long versions;
  private final Map<TaskStatus, Series> inStatus = new EnumMap<>(TaskStatus.class);
  private final Series wait = new Series();
  private final Series toCompletion = new Series();
  private long stuckCount;
  private final List<StuckTask> stuck = new ArrayList<>();

  public MetricsCollector(@Nullable Duration stuckAfter) {
    this.stuckAfter = stuckAfter;
  }

  /** The measures of one history (a single Task counts only for the stuck list). */
  public static HistoryMetrics measure(TaskHistory history, @Nullable StuckTask stuck) {
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
    return new HistoryMetrics(
        history.kind() == TaskHistory.Kind.HISTORY, v.size(), in, wait, toCompletion, stuck);
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
        stuck);
  }

  /** Durations in milliseconds, growing as needed. */
  private static final class Series {
    private long[] millis = new long[16];
    private int size;

    void add(Duration d) {
      if (size == millis.length) {
        millis = Arrays.copyOf(millis, size * 2);
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
          Duration.ofMillis(sorted[size - 1]));
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
