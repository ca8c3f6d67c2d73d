package dev.taskcheck.rules.date;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates the date rules compare; a value that does not parse is left to the structure
 * stage.
 */
final class Dates {

  private Dates() {}

  /** The value read as a date, once per Task however many rules ask ({@link TaskView#temporal}). */
  static @Nullable FhirTemporal parse(TaskView task, @Nullable Located<String> value) {
    return value == null ? null : task.temporal(value.value());
  }

  static @Nullable FhirTemporal parse(TaskView task, @Nullable String value) {
    return task.temporal(value);
  }
}
