package dev.taskcheck.report;

import dev.taskcheck.model.Severity;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a report is rendered.
 *
 * @param color ANSI colours in the text format (only when writing to a terminal)
 * @param summary whether the text format ends with its summary lines
 * @param failOn the fail level of the run ({@code --fail-on}, the plugin's {@code failOn}), null
 *     for {@code none}: JUnit XML reports a rule's test case as failed when it has a finding at or
 *     above it, and the HTML report states it
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RenderOptions(boolean color, boolean summary, @Nullable Severity failOn) {

  /** Options with the default fail level, {@code error}. */
  public RenderOptions(boolean color, boolean summary) {
    this(color, summary, Severity.ERROR);
  }

  public static RenderOptions defaults() {
    return new RenderOptions(false, true);
  }

  /** These options with another fail level (null for {@code none}). */
  public RenderOptions withFailOn(@Nullable Severity level) {
    return new RenderOptions(color, summary, level);
  }

  /** True when a finding of this severity is at or above the fail level. */
  public boolean fails(Severity severity) {
    return failOn != null && severity.isAtLeast(failOn);
  }
}
