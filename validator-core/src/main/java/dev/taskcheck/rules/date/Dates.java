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

  @SuppressWarnings("ReferenceEquality") // the same string, as the Task's tree holds it
  static @Nullable FhirTemporal parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    Recent recent = RECENT.get();
    Object[] slots = recent.slots;
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] == value) {
        return (FhirTemporal) slots[i + 1]; // null when it is no date
      }
    }
    FhirTemporal read = FhirTemporal.parse(value).orElse(null);
    int at = recent.next;
    slots[at] = value;
    slots[at + 1] = read;
    recent.next = (at + 2) % slots.length;
    return read;
  }

  /**
   * The last few values a thread read, by the value's identity: the date rules read the same Task's
   * dates one after the other (authoredOn, lastModified and the periods, each by several rules),
   * from the same strings of its tree. A value that is no date is kept with null.
   */
  private static final class Recent {
    final @Nullable Object[] slots = new Object[16];
    int next;
  }

  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);
}
