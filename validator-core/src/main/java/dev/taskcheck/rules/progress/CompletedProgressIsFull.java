package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.OutputView;
import dev.taskcheck.fhir.RatioView;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.MessageKey;
import java.math.BigDecimal;

/**
 * A completed Task has done all of it: no progress numerator is below its denominator. Numbers in
 * different units are not compared (progress-5 reports the units); over-delivery is progress-2's.
 */
@TaskRule(id = "progress-7", category = PROGRESS, severity = Severity.WARNING, basis = BP, skipsEnteredInError = true,
    summary = "A completed Task has no progress numerator below its denominator")
public final class CompletedProgressIsFull implements Rule {

  @MessageKey static final String PARTIAL = "partial";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.statusIs(TaskStatus.COMPLETED)) {
      return;
    }
    for (OutputView o : ProgressOutputs.of(task, ctx)) {
      RatioView r = o.ratio();
      if (r == null || r.numerator() == null) {
        continue;
      }
      BigDecimal n = ProgressOutputs.value(r.numerator());
      BigDecimal d = ProgressOutputs.value(r.denominator());
      // more than the denominator is progress-2's finding (or allowed by configuration)
      if (n != null && d != null && ProgressOutputs.comparable(r.numerator(), r.denominator()) && n.compareTo(d) < 0) {
        ctx.report(r.numerator().expression(), PARTIAL, ProgressOutputs.plain(n), ProgressOutputs.plain(d));
      }
    }
  }
}
