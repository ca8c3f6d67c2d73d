package dev.taskcheck.fhir;

import java.util.Objects;

/**
 * A value read from a Task with the FHIRPath expression of the element it came from, relative to
 * the Task ({@code Task.executionPeriod.start}); the engine places it in the document.
 */
public record Located<T>(T value, String expression) {

  public Located {
    Objects.requireNonNull(value);
    Objects.requireNonNull(expression);
  }
}
