package dev.taskcheck.rules;

import dev.taskcheck.fhir.TaskView;

/**
 * A TaskCheck rule over one Task. Implementations are small final classes annotated with {@link
 * TaskRule} and listed in {@link BuiltInRules#JAVA}. A rule reads the Task through its {@link
 * TaskView} and reports through its {@link RuleContext} with the {@link MessageKey} constants it
 * declares: it never builds an issue, never throws for a finding, never logs.
 */
public interface Rule {

  void check(TaskView task, RuleContext ctx);
}
