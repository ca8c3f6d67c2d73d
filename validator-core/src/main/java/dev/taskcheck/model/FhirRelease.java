package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/** A FHIR release TaskCheck can validate against. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum FhirRelease {
  R4("4.0.1"),
  /** Structurally identical to R4 for Task; validated with the R4B core definitions. */
  R4B("4.3.0"),
  R5("5.0.0");

  private final String fhirVersion;

  FhirRelease(String fhirVersion) {
    this.fhirVersion = fhirVersion;
  }

  /**
   * The release name used on the command line and in reports ({@code R4}, {@code R4B}, {@code R5}).
   */
  public String code() {
    return name();
  }

  /** The technical FHIR version, for example {@code 4.0.1}. */
  public String fhirVersion() {
    return fhirVersion;
  }

  /** Parses {@code R4}, {@code r4b}, {@code 4.0.1}, {@code 5.0} and similar. */
  public static FhirRelease parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (FhirRelease r : values()) {
      if (r.name().equals(t) || r.fhirVersion.equals(t) || r.fhirVersion.startsWith(t + ".")) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown FHIR version '" + text + "' (expected R4, R4B or R5)");
  }
}
