package dev.taskcheck.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A whole run held in memory: what was asked, every result, the counts. Every output format renders
 * the same information; {@link #replay} feeds a report to any {@link ReportListener}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Report(
    RunInfo run,
    List<Result> results,
    Summary summary,
    Timings timings,
    @Nullable LifecycleMetrics metrics) {

  /** A report without histories. */
  public Report(RunInfo run, List<Result> results, Summary summary, Timings timings) {
    this(run, results, summary, timings, null);
  }

  public Report {
    Objects.requireNonNull(run);
    results = List.copyOf(results);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(timings);
  }

  /** True when some issue is at or above {@code threshold}. */
  public boolean hasIssuesAtLeast(Severity threshold) {
    return summary.countAtLeast(threshold) > 0;
  }

  /** Plays this report to a listener, as a live run would. */
  public void replay(ReportListener listener) {
    listener.start(run);
    for (Result r : results) {
      listener.result(r);
    }
    if (metrics != null) {
      listener.metrics(metrics);
    }
    listener.finish(summary, timings);
  }
}
