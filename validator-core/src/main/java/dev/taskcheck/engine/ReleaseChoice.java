package dev.taskcheck.engine;

import dev.taskcheck.model.FhirRelease;
import java.util.Objects;

/** The FHIR release a document is validated against, and why. */
public record ReleaseChoice(FhirRelease release, String reason) {

  public ReleaseChoice {
    Objects.requireNonNull(release);
    Objects.requireNonNull(reason);
  }
}
