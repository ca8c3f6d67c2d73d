package dev.taskcheck.buildtools;

import ca.uhn.fhir.context.FhirContext;
import java.util.Locale;

/** The FHIR releases TaskCheck publishes a package for. */
enum Release {
  STU3("3.0.2", "hl7.fhir.r3.core"),
  R4("4.0.1", "hl7.fhir.r4.core"),
  R4B("4.3.0", "hl7.fhir.r4b.core"),
  R5("5.0.0", "hl7.fhir.r5.core");

  private final String fhirVersion;
  private final String corePackage;

  Release(String fhirVersion, String corePackage) {
    this.fhirVersion = fhirVersion;
    this.corePackage = corePackage;
  }

  /** The folder name and package-name suffix: {@code stu3}, {@code r4}, {@code r4b}, {@code r5}. */
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The FHIR version the package's resources are written in ({@code fhirVersion}, {@code
   * fhirVersions}).
   */
  String fhirVersion() {
    return fhirVersion;
  }

  /** The id of the HL7 core package the package depends on. */
  String corePackage() {
    return corePackage;
  }

  /** A new HAPI context for the release (each is large; build one per use and let it go). */
  FhirContext newContext() {
    return switch (this) {
      case STU3 -> FhirContext.forDstu3();
      case R4 -> FhirContext.forR4();
      case R4B -> FhirContext.forR4B();
      case R5 -> FhirContext.forR5();
    };
  }

  static Release parse(String code) {
    for (Release r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new BuildFailure("unknown FHIR release '" + code + "' (expected stu3, r4, r4b or r5)");
  }
}
