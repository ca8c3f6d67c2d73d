package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import org.jspecify.annotations.Nullable;

/** The R4 and R4B Task (identical in both): statusReason is a CodeableConcept. */
final class R4TaskView extends TaskView {

  R4TaskView(FhirElement task, FhirRelease release) {
    super(task, release);
  }

  @Override
  public @Nullable String statusReasonText() {
    FhirElement reason = element().child("statusReason");
    return reason == null ? null : reason.childValue("text");
  }
}
