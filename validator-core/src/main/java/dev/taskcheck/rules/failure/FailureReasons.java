package dev.taskcheck.rules.failure;

import dev.taskcheck.fhir.FhirElement;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * What failure-1 and failure-6 both look at: 1.4.0's failureReason on a Task that has not failed.
 */
final class FailureReasons {

  private FailureReasons() {}

  /**
   * The Task's failureReason when its status is known and is not failed, else null (a Task without
   * a status is the structure stage's).
   */
  static @Nullable Located<FhirElement> onTaskNotFailed(TaskView task) {
    Located<FhirElement> reason = task.failureReason();
    TaskStatus status = task.status();
    return reason != null && status != null && status != TaskStatus.FAILED ? reason : null;
  }
}
