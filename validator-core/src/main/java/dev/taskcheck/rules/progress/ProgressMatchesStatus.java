package dev.taskcheck.rules.progress;

import static dev.taskcheck.fhir.TaskStatus.ACCEPTED;
import static dev.taskcheck.fhir.TaskStatus.DRAFT;
import static dev.taskcheck.fhir.TaskStatus.IN_PROGRESS;
import static dev.taskcheck.fhir.TaskStatus.READY;
import static dev.taskcheck.fhir.TaskStatus.RECEIVED;
import static dev.taskcheck.fhir.TaskStatus.REQUESTED;
import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.QuantityView;
import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.math.BigDecimal;

/**
 * No work has been done on a Task that has not started (draft, requested, received, accepted,
 * ready), so its progress is zero; an in-progress Task whose progress is full may be ready to
 * complete.
 */
@TaskRule(
    id = "progress-8",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = BP,
    skipsEnteredInError = true,
    summary =
        "A Task not yet started has zero progress; a full in-progress Task may be ready to complete")
public final class ProgressMatchesStatus implements Rule {

  @MessageKey static final String NOT_STARTED = "notStarted";
  @MessageKey static final String FULL = "full";
  @MessageKey static final String FULL_CONVERTED = "fullConverted";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    boolean notStarted = task.statusIs(DRAFT, REQUESTED, RECEIVED, ACCEPTED, READY);
    boolean inProgress = task.statusIs(IN_PROGRESS);
    if (!notStarted && !inProgress) {
      return;
    }
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      QuantityView num = r.numerator();
      BigDecimal n = ProgressOutputs.value(num);
      if (num == null || n == null) {
        continue;
      }
      ProgressOutputs.Fraction f = ProgressOutputs.fraction(r);
      if (notStarted && n.signum() != 0) {
        ctx.report(num.expression(), NOT_STARTED, task.status(), ProgressOutputs.plain(n));
      } else if (inProgress && f != null && f.d().signum() > 0 && f.n().compareTo(f.d()) == 0) {
        if (f.conversion() == null) {
          ctx.report(Severity.INFORMATION, num.expression(), FULL, ProgressOutputs.plain(n));
        } else {
          ctx.report(Severity.INFORMATION, num.expression(), FULL_CONVERTED, f.shown().toArray());
        }
      }
    }
  }
}
