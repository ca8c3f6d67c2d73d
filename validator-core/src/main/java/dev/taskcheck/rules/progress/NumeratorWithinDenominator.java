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

/**
 * Progress is "how much of how much": the numerator is present, not negative, and not more than the
 * denominator (unless the configuration allows over-delivery). A numerator in another UCUM unit is
 * converted to the denominator's first (the message says how); units that do not convert are not
 * compared here: progress-5 reports the units.
 */
@TaskRule(
    id = "progress-2",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = PROGRESS,
    severity = Severity.ERROR,
    basis = BP,
    skipsEnteredInError = true,
    summary = "A progress numerator exists, is not negative and is not more than the denominator")
public final class NumeratorWithinDenominator implements Rule {

  @MessageKey static final String MISSING = "missing";
  @MessageKey static final String NEGATIVE = "negative";
  @MessageKey static final String OVER = "over";
  @MessageKey static final String OVER_CONVERTED = "overConverted";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    for (RatioView r : ProgressOutputs.ratios(task, ctx)) {
      QuantityView num = r.numerator();
      BigDecimal n = ProgressOutputs.value(num);
      if (num == null || n == null) {
        ctx.report(num == null ? r.expression() : num.expression(), MISSING);
        continue;
      }
      if (n.signum() < 0) {
        ctx.report(num.expression(), NEGATIVE, ProgressOutputs.plain(n));
        continue;
      }
      ProgressOutputs.Fraction f = ProgressOutputs.fraction(r);
      if (f != null
          && f.d().signum() > 0
          && f.n().compareTo(f.d()) > 0
          && !ctx.config().overDeliveryAllowed()) {
        ctx.report(
            num.expression(), f.conversion() == null ? OVER : OVER_CONVERTED, f.shown().toArray());
      }
    }
  }
}
