package dev.taskcheck;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The counts and timings of a finished run, as a streaming validation returns them, and the lifecycle
 * metrics when the run read Task histories or checked for stuck Tasks.
 */
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
