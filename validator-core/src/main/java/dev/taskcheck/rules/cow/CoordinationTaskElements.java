package dev.taskcheck.rules.cow;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.COW;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.util.Set;

/**
 * COW's CoordinationTask (the Task placer and fulfiller share to track a request) needs identifier,
 * code and focus, and its focus is the request being fulfilled. In the {@code cow} rule set every
 * Task that is not a cancellation request (coded {@code task-code#abort} or claiming
 * CancellationRequestTask) is taken to be a coordination Task, whether or not it claims the
 * profile: a {@code meta.profile} claim is not needed and does not change the check. A focus whose
 * type cannot be read (a contained or identifier-only reference without {@code type}) is not
 * reported.
 */
@TaskRule(
    id = "cow-1",
    category = COW,
    severity = Severity.ERROR,
    basis = IG,
    ruleSets = RuleSet.COW,
    summary = "A COW coordination Task has identifier, code and a focus on the request it fulfils")
public final class CoordinationTaskElements implements Rule {

  @MessageKey static final String NO_IDENTIFIER = "noIdentifier";
  @MessageKey static final String NO_CODE = "noCode";
  @MessageKey static final String NO_FOCUS = "noFocus";
  @MessageKey static final String FOCUS_TYPE = "focusType";

  /** The request types CoordinationTask.focus may reference. */
  static final Set<String> FOCUS_TYPES =
      Set.of(
          "ServiceRequest",
          "DeviceRequest",
          "MedicationRequest",
          "NutritionOrder",
          "SupplyRequest",
          "VisionPrescription");

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (CowTasks.isCancellationRequest(task)) {
      return;
    }
    if (!task.hasIdentifier()) {
      ctx.report("Task", NO_IDENTIFIER);
    }
    if (!task.hasCode()) {
      ctx.report("Task", NO_CODE);
    }
    if (!task.hasFocus()) {
      ctx.report("Task", NO_FOCUS);
      return;
    }
    String type = task.focusType();
    if (type != null && !FOCUS_TYPES.contains(type)) {
      ctx.report("Task.focus", FOCUS_TYPE, type);
    }
  }
}
