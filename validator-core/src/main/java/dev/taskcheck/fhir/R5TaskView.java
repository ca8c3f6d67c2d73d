package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import org.jspecify.annotations.Nullable;

/** The R5 Task: statusReason is a CodeableReference ({@code statusReason.concept.text}). */
final class R5TaskView extends TaskView {

  R5TaskView(FhirElement task) {
    super(task, FhirRelease.R5);
  }

  @Override
  public @Nullable String statusReasonText() {
    FhirElement reason = element().child("statusReason");
    FhirElement concept = reason == null ? null : reason.child("concept");
    return concept == null ? null : concept.childValue("text");
  }
}
