package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.Located;
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
 * restriction.repetitions says how many times the Task is to be done: that is what progress counts
 * to.
 */
@TaskRule(
    id = "progress-9",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = BP,
    skipsEnteredInError = true,
    summary = "When restriction.repetitions is given, counted progress denominators equal it")
public final class DenominatorMatchesRepetitions implements Rule {

  @MessageKey static final String MISMATCH = "mismatch";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Located<BigDecimal> repetitions = task.repetitions();
    if (repetitions == null) {
      return;
    }
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      QuantityView den = r.denominator();
      BigDecimal d = ProgressOutputs.value(den);
      // repetitions count times: only a denominator that counts (unit 1, {session}, or none) is
      // compared
      if (den == null || d == null) {
        continue;
      }
      boolean counts = den.unitKey() == null || ProgressOutputs.counted(den);
      if (counts && d.compareTo(repetitions.value()) != 0) {
        ctx.report(
            den.expression(),
            MISMATCH,
            ProgressOutputs.plain(d),
            ProgressOutputs.plain(repetitions.value()));
      }
    }
  }
}
