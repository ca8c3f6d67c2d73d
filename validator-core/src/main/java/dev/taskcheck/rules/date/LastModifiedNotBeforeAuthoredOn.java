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
 * precision and time zone.
 */
@TaskRule(
    id = "date-1",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = DATE,
    severity = Severity.ERROR,
    basis = SPEC,
    replaces = "inv-1",
    summary = "lastModified is not before authoredOn (precision-aware; replaces the base inv-1)")
public final class LastModifiedNotBeforeAuthoredOn implements Rule {

  @MessageKey static final String BEFORE = "before";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    FhirTemporal authored = Dates.parse(task.authoredOn());
    FhirTemporal modified = Dates.parse(task.lastModified());
    if (authored != null && modified != null && modified.certainlyBefore(authored)) {
      ctx.report("Task.lastModified", BEFORE, modified.text(), authored.text());
    }
  }
}
