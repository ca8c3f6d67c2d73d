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
    List<StuckTask> stuck) {

  /** The longest list of stuck Tasks a report carries; {@link #stuckCount} has them all. */
  public static final int MAX_STUCK_LISTED = 1000;

  public LifecycleMetrics {
    timeInStatus =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timeInStatus));
    Objects.requireNonNull(waitTime);
    Objects.requireNonNull(timeInProgress);
    Objects.requireNonNull(timeToCompletion);
    stuck = List.copyOf(stuck);
  }

  /** True when there is nothing to report: no history and no stuck-Task check. */
  public boolean isEmpty() {
    return histories == 0 && stuckAfter == null;
  }

  /**
   * Durations over the histories that have one: how many, the median, the 90th percentile (nearest
   * rank) and the maximum; the three are null when count is 0.
   */
  public record Stat(
      long count, @Nullable Duration median, @Nullable Duration p90, @Nullable Duration max) {

    public static final Stat EMPTY = new Stat(0, null, null, null);
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
