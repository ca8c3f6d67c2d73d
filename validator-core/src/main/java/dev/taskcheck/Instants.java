package dev.taskcheck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;

/**
 * Instants as a user writes them for {@code --now}: {@code 2026-11-21T10:00:00Z}, with an offset,
 * or a date.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Instants {

  private Instants() {}

  /**
   * Reads {@code 2026-11-21T10:00:00Z}, {@code 2026-11-21T11:00:00+01:00} or {@code 2026-11-21}
   * (midnight UTC).
   *
   * @throws IllegalArgumentException naming the value and the forms accepted
   */
  public static Instant parse(String text) {
    String t = text.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // fall through to the other accepted forms
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an instant (expected e.g. 2026-11-21T10:00:00Z,"
              + " 2026-11-21T11:00:00+01:00 or 2026-11-21)",
          e);
    }
  }
}
