package dev.taskcheck;

import java.util.Objects;

/** The counts and timings of a finished run, as a streaming validation returns them. */
public record RunTotals(Summary summary, Timings timings) {

  public RunTotals {
    Objects.requireNonNull(summary);
    Objects.requireNonNull(timings);
  }
}
