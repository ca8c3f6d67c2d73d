package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How serious an issue is, from the worst ({@link #FATAL}) to the mildest ({@link #INFORMATION}).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Severity {
  /** The document could not be processed at all (it does not parse, or cannot be read). */
  FATAL,
  ERROR,
  WARNING,
  INFORMATION;

  /** The lower-case code used in every report format ({@code fatal}, {@code error}, ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as serious as {@code threshold} or more. */
  public boolean isAtLeast(Severity threshold) {
    return compareTo(threshold) <= 0; // declared from the most serious down
  }

  /** Parses a code such as {@code error} (case-insensitive). */
  public static Severity fromCode(String code) {
    for (Severity s : values()) {
      if (s.code().equalsIgnoreCase(code.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + code + "' (expected fatal, error, warning or information)");
  }
}
