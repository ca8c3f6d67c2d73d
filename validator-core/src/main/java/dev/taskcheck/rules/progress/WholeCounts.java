package dev.taskcheck.rules.progress;

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
import java.util.Arrays;

/**
 * Counted progress (unit {@code 1}, or an annotation-only unit such as {@code {session}}) counts
 * things: whole numbers, as the Count datatype's cnt-3 requires.
 */
@TaskRule(
    id = "progress-3",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = BP,
    skipsEnteredInError = true,
    summary = "Counted progress (unit 1 or an annotation such as {session}) uses whole numbers")
public final class WholeCounts implements Rule {

  @MessageKey static final String FRACTION = "fraction";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      for (QuantityView q : Arrays.asList(r.numerator(), r.denominator())) {
        if (q == null || q.value() == null || !ProgressOutputs.counted(q)) {
          continue;
        }
        BigDecimal v = q.value();
        if (v.stripTrailingZeros().scale() > 0) {
          ctx.report(q.expression(), FRACTION, ProgressOutputs.plain(v), q.code());
        }
      }
    }
  }
}
