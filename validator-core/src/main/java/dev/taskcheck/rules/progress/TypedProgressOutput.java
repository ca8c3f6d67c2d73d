package dev.taskcheck.rules.progress;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;

import dev.taskcheck.fhir.OutputView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.Coding;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.util.HashMap;
import java.util.Map;

/**
 * Clinical Order Workflows: "systems should know what task.outputs to count". A progress output
 * says what it measures with a coded type (system and code), and one type is measured once.
 */
@TaskRule(
    id = "progress-6",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = PROGRESS,
    severity = Severity.WARNING,
    basis = IG,
    skipsEnteredInError = true,
    summary = "Each progress output has a coded type, and no two progress outputs share one")
public final class TypedProgressOutput implements Rule {

  @MessageKey static final String UNCODED = "uncoded";
  @MessageKey static final String DUPLICATE = "duplicate";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Map<Coding, Integer> first = new HashMap<>();
    for (OutputView o : ProgressOutputs.of(task, ctx)) {
      Coding type = o.codedType();
      if (type == null) {
        ctx.report(o.expression() + ".type", UNCODED);
        continue;
      }
      Integer earlier = first.putIfAbsent(type, o.index());
      if (earlier != null) {
        ctx.report(o.expression() + ".type", DUPLICATE, type.toString(), earlier);
      }
    }
  }
}
