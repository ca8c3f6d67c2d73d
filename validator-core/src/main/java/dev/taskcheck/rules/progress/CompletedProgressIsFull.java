package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * A completed Task has done all of it: no progress numerator is below its denominator. A numerator
 * in another UCUM unit is converted to the denominator's first (the message says how); units that
 * do not convert are not compared (progress-5 reports the units); over-delivery is progress-2's.
 */
@TaskRule(
    id = "progress-7",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = BP,
    skipsEnteredInError = true,
    summary = "A completed Task has no progress numerator below its denominator")
public final class CompletedProgressIsFull implements Rule {

  @MessageKey static final String PARTIAL = "partial";
  @MessageKey static final String PARTIAL_CONVERTED = "partialConverted";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.statusIs(TaskStatus.COMPLETED)) {
      return;
    }
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      ProgressOutputs.Fraction f = ProgressOutputs.fraction(r);
      // more than the denominator is progress-2's finding (or allowed by configuration)
      if (f != null && f.n().compareTo(f.d()) < 0) {
        ctx.report(
            f.numerator().expression(),
            f.conversion() == null ? PARTIAL : PARTIAL_CONVERTED,
            f.shown().toArray());
      }
    }
  }
}
