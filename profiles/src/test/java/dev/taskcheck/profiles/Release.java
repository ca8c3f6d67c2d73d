package dev.taskcheck.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.Locale;

/** The FHIR releases the profiles package is built for, and where the build put each package. */
enum Release {
  STU3("3.0.2"),
  R4("4.0.1"),
  R4B("4.3.0"),
  R5("5.0.0");

  static final String CANONICAL = "https://taskcheck.dev/fhir";
  static final String TASK_PROFILE = CANONICAL + "/StructureDefinition/taskcheck-task";
  static final String RATIO_PROFILE = CANONICAL + "/StructureDefinition/taskcheck-progress-ratio";

  private final String fhirVersion;

  Release(String fhirVersion) {
    this.fhirVersion = fhirVersion;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  String fhirVersion() {
    return fhirVersion;
  }

  String packageName() {
    return "dev.taskcheck.fhir." + code();
  }

  /** The package folder inside the jar, as a class path resource name. */
  String jarFolder() {
    return "dev/taskcheck/profiles/" + code() + "/package/";
  }

  /** The package sources: differentials and package.json. */
  Path sources() {
    return Path.of(System.getProperty("taskcheck.profiles.sources", "src/main/fhir"))
        .resolve(code());
  }

  /** The attached package file. */
  Path tgz() {
    return Path.of(System.getProperty("taskcheck.profiles.target", "target"))
        .resolve(packageName() + "-" + projectVersion() + ".tgz");
  }

  static String projectVersion() {
    String v = System.getProperty("taskcheck.version");
    if (v == null) {
      throw new IllegalStateException(
          "the taskcheck.version system property is not set (run the tests with Maven)");
    }
    return v;
  }

  FhirContext newContext() {
    return switch (this) {
      case STU3 -> FhirContext.forDstu3();
      case R4 -> FhirContext.forR4();
      case R4B -> FhirContext.forR4B();
      case R5 -> FhirContext.forR5();
    };
  }
}
