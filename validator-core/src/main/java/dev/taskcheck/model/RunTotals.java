package dev.taskcheck.model;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The counts and timings of a finished run, as a streaming validation returns them, and the
 * lifecycle metrics when the run read Task histories or checked for stuck Tasks.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RunTotals(Summary summary, Timings timings, @Nullable LifecycleMetrics metrics) {

  public RunTotals {
    Objects.requireNonNull(summary);
    Objects.requireNonNull(timings);
  }

  /** Totals without metrics. */
  public RunTotals(Summary summary, Timings timings) {
    this(summary, timings, null);
  }
}
