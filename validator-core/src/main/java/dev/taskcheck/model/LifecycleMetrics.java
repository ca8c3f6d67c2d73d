package dev.taskcheck.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of the Tasks whose histories a run read (the Task page: "wait time, or time in
 * progress, or time to completion"), and the Tasks that look stuck. Times come from each version's
 * {@code lastModified} (else {@code meta.lastUpdated}): a spell in a status lasts from the version
 * that entered it to the first later version with another status. A Task's current status has no
 * end yet and is not counted.
 *
 * @param histories Task histories read (a history Bundle's Task, or a group of versions)
 * @param versions the versions in them (an identical repeat with the same versionId is counted
 *     once; a repeated read without a versionId counts again)
 * @param timeInStatus by status code, how long the histories spent in it (each history counts once
 *     per status, with the total of its spells in it)
 * @param waitTime from the first version to the first in-progress version (histories that start in
 *     progress began before their first version and are left out; likewise for time to completion)
 * @param timeInProgress the total time in in-progress, for histories that were in progress
 * @param timeToCompletion from the first version to the first completed version
 * @param stuckAfter the stuck threshold, null when none was set
 * @param stuckCount how many Tasks are stuck
 * @param stuck the stuck Tasks, longest idle first (at most {@link #MAX_STUCK_LISTED})
 * @param latestStatus by status code, how many histories end in it (their latest version's status;
 *     a latest version without a status is not counted), in code order
 * @param workflows the state machines the histories' status changes were judged by (usually one),
 *     each with its edges and the changes observed on them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LifecycleMetrics(
    long histories,
    long versions,
    Map<String, Stat> timeInStatus,
    Stat waitTime,
    Stat timeInProgress,
    Stat timeToCompletion,
    @Nullable Duration stuckAfter,
    long stuckCount,
    List<StuckTask> stuck,
    Map<String, Long> latestStatus,
    List<Workflow> workflows) {

  /** The longest list of stuck Tasks a report carries; {@link #stuckCount} has them all. */
  public static final int MAX_STUCK_LISTED = 1000;

  public LifecycleMetrics {
    timeInStatus =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timeInStatus));
    Objects.requireNonNull(waitTime);
    Objects.requireNonNull(timeInProgress);
    Objects.requireNonNull(timeToCompletion);
    stuck = List.copyOf(stuck);
    latestStatus =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latestStatus));
    workflows = List.copyOf(workflows);
  }

  /** Metrics without status distribution and workflows. */
  public LifecycleMetrics(
      long histories,
      long versions,
      Map<String, Stat> timeInStatus,
      Stat waitTime,
      Stat timeInProgress,
      Stat timeToCompletion,
      @Nullable Duration stuckAfter,
      long stuckCount,
      List<StuckTask> stuck) {
    this(
        histories,
        versions,
        timeInStatus,
        waitTime,
        timeInProgress,
        timeToCompletion,
        stuckAfter,
        stuckCount,
        stuck,
        Map.of(),
        List.of());
  }

  /** True when there is nothing to report: no history and no stuck-Task check. */
  public boolean isEmpty() {
    return histories == 0 && stuckAfter == null;
  }

  /**
   * Durations over the histories that have one: how many, the median, the 90th percentile (nearest
   * rank) and the maximum; the three are null when count is 0.
   *
   * @param histogram how the durations spread over {@link Bin#EDGES}: the bins from the first to
   *     the last with a duration (empty bins between them included), empty when count is 0
   */
  public record Stat(
      long count,
      @Nullable Duration median,
      @Nullable Duration p90,
      @Nullable Duration max,
      List<Bin> histogram) {

    public static final Stat EMPTY = new Stat(0, null, null, null);

    public Stat {
      histogram = List.copyOf(histogram);
    }

    /** A Stat without histogram. */
    public Stat(
        long count, @Nullable Duration median, @Nullable Duration p90, @Nullable Duration max) {
      this(count, median, p90, max, List.of());
    }
  }

  /**
   * A bin of a duration histogram: how many durations are at least {@code from} and less than
   * {@code to} (no upper end when {@code to} is null).
   */
  public record Bin(Duration from, @Nullable Duration to, long count) {

    /**
     * The lower ends of the bins, a scale people read (100 ms to a year), the same for every run so
     * that reports compare: 0, 100 ms, 500 ms, 1 s, 5 s, 15 s, 1 min, 5 min, 15 min, 1 h, 4 h, 12
     * h, 1 d, 3 d, 7 d, 30 d, 90 d, 365 d.
     */
    public static final List<Duration> EDGES =
        List.of(
            Duration.ZERO,
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(4),
            Duration.ofHours(12),
            Duration.ofDays(1),
            Duration.ofDays(3),
            Duration.ofDays(7),
            Duration.ofDays(30),
            Duration.ofDays(90),
            Duration.ofDays(365));

    public Bin {
      Objects.requireNonNull(from);
    }
  }

  /**
   * A state machine as the report draws it, with the status changes the histories made.
   *
   * @param machine the table's name ({@code base-r4}, or a user's)
   * @param statuses the statuses it uses, then any status outside it that a change reached or left
   * @param initial the statuses a Task may be created in
   * @param terminal the statuses no change should leave
   * @param edges every edge the table allows (observed or not, in table order), then the refused
   *     changes that were observed
   */
  public record Workflow(
      String machine,
      List<String> statuses,
      List<String> initial,
      List<String> terminal,
      List<Edge> edges) {

    public Workflow {
      Objects.requireNonNull(machine);
      statuses = List.copyOf(statuses);
      initial = List.copyOf(initial);
      terminal = List.copyOf(terminal);
      edges = List.copyOf(edges);
    }

    /** How many status changes the histories made under this machine. */
    public long changes() {
      return edges.stream().mapToLong(Edge::count).sum();
    }
  }

  /**
   * A status change and how often histories made it.
   *
   * @param kind {@code diagram} (an edge of the state diagram, or a return from on-hold to the
   *     status before it), {@code narrative} (allowed by narrative only: transition-1 warns) or
   *     {@code refused} (the table does not allow it)
   * @param count how many times consecutive versions made this change
   */
  public record Edge(String from, String to, String kind, long count) {

    public static final String DIAGRAM = "diagram";
    public static final String NARRATIVE = "narrative";
    public static final String REFUSED = "refused";

    public Edge {
      Objects.requireNonNull(from);
      Objects.requireNonNull(to);
      Objects.requireNonNull(kind);
    }
  }

  /**
   * A Task not in a terminal status whose latest version is older than the stuck threshold.
   *
   * @param resource {@code Task/abc}
   * @param versionId its latest versionId, null when absent
   * @param source the input holding the latest version, and {@code line} where it starts
   * @param status its status
   * @param since its lastModified (else meta.lastUpdated)
   * @param idle how long ago that is, from the run's clock
   */
  public record StuckTask(
      String resource,
      @Nullable String versionId,
      String source,
      int line,
      String status,
      String since,
      Duration idle) {}
}
