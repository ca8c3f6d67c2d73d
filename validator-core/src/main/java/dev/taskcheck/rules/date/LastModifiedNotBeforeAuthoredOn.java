package dev.taskcheck.rules.date;

import static dev.taskcheck.rules.RuleBasis.SPEC;
import static dev.taskcheck.rules.RuleCategory.DATE;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * The base invariant inv-1 ({@code lastModified >= authoredOn}) compares values of different
 * precision in FHIRPath, which yields empty and makes the HL7 and HAPI validators report an error
 * for a Task authored on {@code 2024-01-10} and modified at {@code 2024-01-10T09:00:00Z}. This rule
 * replaces it: an error only when lastModified is certainly before authoredOn, whatever the
 * precision and time zone. FHIR 1.4.0's inv-1 is the same check on {@code created}, its name for
 * authoredOn.
 */
@TaskRule(
    id = "date-1",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = DATE,
    severity = Severity.ERROR,
    basis = SPEC,
    replaces = "inv-1",
    summary =
        "lastModified is not before authoredOn (1.4.0: created; precision-aware; replaces the base"
            + " inv-1)")
public final class LastModifiedNotBeforeAuthoredOn implements Rule {

  @MessageKey static final String BEFORE = "before";

  /** 1.4.0 names the creation date {@code created}. */
  @MessageKey static final String BEFORE_CREATED = "beforeCreated";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    FhirTemporal authored = Dates.parse(task, task.authoredOn());
    FhirTemporal modified = Dates.parse(task, task.lastModified());
    if (authored != null && modified != null && modified.certainlyBefore(authored)) {
      ctx.report(
          "Task.lastModified",
          task.release() == FhirRelease.V1_4_0 ? BEFORE_CREATED : BEFORE,
          modified.text(),
          authored.text());
    }
  }
}
