package dev.taskcheck.rules.date;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates the date rules compare; a value that does not parse is left to the structure
 * stage.
 */
final class Dates {

  private Dates() {}

  static @Nullable FhirTemporal parse(@Nullable Located<String> value) {
    return value == null ? null : parse(value.value());
  }

  static @Nullable FhirTemporal parse(@Nullable String value) {
    return value == null ? null : FhirTemporal.parse(value).orElse(null);
  }
}
