package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Progress does not go backwards: a numerator that decreases is a warning, or information when the
 * denominator changed too (the work was re-planned). Outputs are matched by their coded type, or by
 * their position among the untyped progress outputs; numerators in different units are not
 * compared.
 */
@TaskRule(
    id = "transition-11",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = BP,
    summary = "A progress numerator does not decrease; information when the denominator changed")
public final class ProgressNeverDecreases implements TransitionRule {

  @MessageKey static final String DECREASED = "decreased";
  @MessageKey static final String REPLANNED = "replanned";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Step s : Versions.steps(history.versions())) {
      TaskVersion prev = s.prev();
      TaskVersion cur = s.cur();
      if (Versions.enteredInError(prev, cur) || prev.progress().isEmpty()) {
        continue;
      }
      Map<String, TaskVersion.Progress> before = new HashMap<>();
      for (TaskVersion.Progress p : prev.progress()) {
        before.putIfAbsent(p.key(), p);
      }
      for (TaskVersion.Progress p : cur.progress()) {
        TaskVersion.Progress old = before.get(p.key());
        if (old == null
            || old.numerator() == null
            || p.numerator() == null
            || !Objects.equals(old.numeratorUnit(), p.numeratorUnit())
            || p.numerator().compareTo(old.numerator()) >= 0) {
          continue;
        }
        boolean replanned =
            !Objects.equals(old.denominatorUnit(), p.denominatorUnit())
                || (old.denominator() == null) != (p.denominator() == null)
                || (old.denominator() != null && old.denominator().compareTo(p.denominator()) != 0);
        if (replanned) {
          ctx.report(
              Severity.INFORMATION,
              cur,
              p.expression(),
              REPLANNED,
              old.numerator().toPlainString(),
              p.numerator().toPlainString());
        } else {
          ctx.report(
              cur,
              p.expression(),
              DECREASED,
              old.numerator().toPlainString(),
              p.numerator().toPlainString());
        }
      }
    }
  }
}
