package dev.taskcheck.fhir;

import org.jspecify.annotations.Nullable;

/**
 * A Period anywhere in a Task (outside contained resources).
 *
 * @param expression where it is ({@code Task.executionPeriod}, {@code
 *     Task.input[0].value.ofType(Period)})
 * @param start its start as written, null when absent
 * @param end its end as written, null when absent
 */
public record PeriodView(String expression, @Nullable String start, @Nullable String end) {}
