package org.example.taskcheck;

import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleBasis;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * example-1: a Task that is in progress or completed carries a business identifier, so that a
 * partner system can match it to its own record. A rule of an imaginary organisation, shipped as a
 * plug-in: TaskCheck finds it through {@code META-INF/services/dev.taskcheck.rules.Rule} and takes
 * its messages from {@code messages.properties} in this package.
 */
@TaskRule(
    id = "example-1",
    category = RuleCategory.CUSTOM,
    severity = Severity.WARNING,
    basis = RuleBasis.BP,
    summary = "An in-progress or completed Task carries a business identifier",
    since = "1.0.0",
    documentation = "https://taskcheck.dev/rule-plugin-example/README.md")
public final class IdentifierWhenActive implements Rule {

  @MessageKey static final String MISSING = "missing";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.statusIs(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED) && !task.hasIdentifier()) {
      TaskStatus status = task.status();
      ctx.report("Task", MISSING, status == null ? "" : status.code());
    }
  }
}
