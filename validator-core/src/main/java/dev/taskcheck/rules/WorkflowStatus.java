package dev.taskcheck.rules;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;

/**
 * The check of the rules that hold a Task to the statuses of an implementation guide's workflow
 * (hrex-1, au-1): the statuses are those the state machine in force uses, read from its table, not
 * written in code.
 */
public final class WorkflowStatus {

  private WorkflowStatus() {}

  /**
   * Reports the Task's status at {@code Task.status} when the state machine in force does not use
   * it, with the arguments status and state machine name.
   */
  public static void check(TaskView task, RuleContext ctx, String messageKey) {
    TaskStatus status = task.status();
    StateMachine machine = ctx.stateMachine();
    if (status != null && !machine.uses(status)) {
      ctx.report("Task.status", messageKey, status, machine.name());
    }
  }
}
