package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.OutputView;
import dev.taskcheck.fhir.QuantityView;
import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Clinical Order Workflows, "Counting task.output": progress can be the count of outputs of a kind
 * (one Encounter reference per session held). What is counted is configuration ({@code
 * progress.counted}); without it this rule does nothing.
 */
@TaskRule(
    id = "progress-10",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = IG,
    skipsEnteredInError = true,
    summary =
        "A progress numerator equals the number of counted outputs (configured types or referenced resources)")
public final class NumeratorMatchesCountedOutputs implements Rule {

  @MessageKey static final String COUNT = "count";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    List<RuleConfig.CountedOutput> counted = ctx.config().countedOutputs();
    if (counted.isEmpty()) {
      return;
    }
    List<OutputView> progress = ProgressOutputs.of(task, ctx);
    for (OutputView p : progress) {
      RatioView r = p.ratio();
      QuantityView numerator = r == null ? null : r.numerator();
      BigDecimal n = ProgressOutputs.value(numerator);
      if (numerator == null || n == null) {
        continue;
      }
      for (RuleConfig.CountedOutput c : counted) {
        if (c.progressType() != null && !p.hasType(c.progressType())) {
          continue;
        }
        long count =
            task.outputs().stream()
                .filter(o -> !progress.contains(o))
                .filter(o -> c.outputType() == null || o.hasType(c.outputType()))
                .filter(
                    o -> c.resourceType() == null || c.resourceType().equals(o.referencedType()))
                .count();
        if (n.compareTo(BigDecimal.valueOf(count)) != 0) {
          ctx.report(numerator.expression(), COUNT, ProgressOutputs.plain(n), count, describe(c));
        }
      }
    }
  }

  private static String describe(RuleConfig.CountedOutput c) {
    if (c.outputType() != null && c.resourceType() != null) {
      return c.outputType() + " referencing " + c.resourceType();
    }
    return c.outputType() != null ? c.outputType().toString() : "references to " + c.resourceType();
  }
}
