package dev.taskcheck.rules;

import dev.taskcheck.fhir.TaskView;
import org.apiguardian.api.API;

/**
 * A TaskCheck rule over one Task. Implementations are small final classes annotated with {@link
 * TaskRule} and listed in {@link BuiltInRules#JAVA}. A rule reads the Task through its {@link
 * TaskView} and reports through its {@link RuleContext} with the {@link MessageKey} constants it
 * declares: it never builds an issue, never throws for a finding, never logs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public interface Rule {

  void check(TaskView task, RuleContext ctx);
}
