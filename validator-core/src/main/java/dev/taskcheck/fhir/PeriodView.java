package dev.taskcheck.fhir;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A Period anywhere in a Task (outside contained resources): where it is ({@code
 * Task.executionPeriod}, {@code Task.input[0].value.ofType(Period)}), written on first use (most
 * Periods are in order, and no rule reports them), its start and its end as written, null when
 * absent.
 */
public final class PeriodView {
  private final Supplier<String> where;
  private @Nullable String expression;
  private final @Nullable String start;
  private final @Nullable String end;

  PeriodView(Supplier<String> where, @Nullable String start, @Nullable String end) {
    this.where = where;
    this.start = start;
    this.end = end;
  }

  /** Where the Period is, as a FHIRPath expression. */
  public String expression() {
    String e = expression;
    if (e == null) {
      e = where.get();
      expression = e;
    }
    return e;
  }

  /** Its start as written, null when absent. */
  public @Nullable String start() {
    return start;
  }

  /** Its end as written, null when absent. */
  public @Nullable String end() {
    return end;
  }

  @Override
  public String toString() {
    return expression() + " [" + start + ", " + end + "]";
  }
}
