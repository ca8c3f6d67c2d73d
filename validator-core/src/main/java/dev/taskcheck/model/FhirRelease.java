package dev.taskcheck.model;

import java.util.Locale;
import org.apiguardian.api.API;

/** A FHIR release TaskCheck can validate against. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum FhirRelease {
  /**
   * FHIR 1.4.0 (the May 2016 STU3 ballot, where the Task page TaskCheck's rules come from):
   * validated by the reference engine with the 1.4.0 core definitions (HL7's {@code dstu2016may}
   * copy, converted to R5); only the rules written for it run. Its {@link #code()} is {@code
   * 1.4.0}.
   */
  V1_4_0("1.4.0"),
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
   * The release name used on the command line and in reports ({@code 1.4.0}, {@code STU3}, {@code
   * R4}, {@code R4B}, {@code R5}).
   */
  public String code() {
    return this == V1_4_0 ? fhirVersion : name();
  }

  /** The technical FHIR version, for example {@code 4.0.1}. */
  public String fhirVersion() {
    return fhirVersion;
  }

  /**
   * Parses {@code 1.4.0}, {@code STU3}, {@code R4}, {@code r4b}, {@code 3.0.2}, {@code 4.0.1},
   * {@code 5.0} and similar.
   */
  public static FhirRelease parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (FhirRelease r : values()) {
      if (r.name().equals(t) || r.fhirVersion.equals(t) || r.fhirVersion.startsWith(t + ".")) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown FHIR version '" + text + "' (expected 1.4.0, STU3, R4, R4B or R5)");
  }
}
