package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/** A FHIR release TaskCheck can validate against. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum FhirRelease {
  /**
   * STU3 (3.0.x): validated with the STU3 core definitions by the reference engine; the fast engine
   * has no STU3 plan yet, so {@code auto} sends STU3 documents to the reference engine.
   */
  STU3("3.0.2"),
  R4("4.0.1"),
  /** Structurally identical to R4 for Task; validated with the R4B core definitions. */
  R4B("4.3.0"),
  R5("5.0.0");

  private final String fhirVersion;

  FhirRelease(String fhirVersion) {
    this.fhirVersion = fhirVersion;
  }

  /**
   * The release name used on the command line and in reports ({@code STU3}, {@code R4}, {@code
   * R4B}, {@code R5}).
   */
  public String code() {
    return name();
  }

  /** The technical FHIR version, for example {@code 4.0.1}. */
  public String fhirVersion() {
    return fhirVersion;
  }

  /**
   * Parses {@code STU3}, {@code R4}, {@code r4b}, {@code 3.0.2}, {@code 4.0.1}, {@code 5.0} and
   * similar.
   */
  public static FhirRelease parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (FhirRelease r : values()) {
      if (r.name().equals(t) || r.fhirVersion.equals(t) || r.fhirVersion.startsWith(t + ".")) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown FHIR version '" + text + "' (expected STU3, R4, R4B or R5)");
  }
}
