package dev.taskcheck.testdata.mutation;

import java.util.Locale;

/** The FHIR release a seed (and so each of its mutants) is written for. */
public enum Release {
  /** FHIR R4, 4.0.1. */
  R4("4.0.1"),
  /** FHIR R4B, 4.3.0: Task and the datatypes it uses are as in R4. */
  R4B("4.3.0"),
  /** FHIR R5, 5.0.0. */
  R5("5.0.0");

  private final String version;

  Release(String version) {
    this.version = version;
  }

  /** The version number, {@code 4.0.1}. */
  public String version() {
    return version;
  }

  /**
   * The other major release (R5 for R4 and R4B, R4 for R5): where cross-release elements come from.
   */
  Release other() {
    return this == R5 ? R4 : R5;
  }

  /**
   * The release named in {@code INDEX.tsv}'s {@code fhir_version} ({@code R4 (4.0.1)}) or a
   * fixture's {@code fhirVersion} ({@code R4B}); null for anything else (the R6 build, blank).
   */
  static Release parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (Release r : values()) {
      if (t.equals(r.name()) || t.startsWith(r.name() + " ")) {
        return r;
      }
    }
    return null;
  }
}
