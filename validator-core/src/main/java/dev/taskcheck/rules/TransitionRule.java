package dev.taskcheck.rules;

import dev.taskcheck.fhir.TaskHistory;
import org.apiguardian.api.API;

/**
 * A TaskCheck rule over the versions of one Task. Like a {@link Rule}, an implementation is a small
 * final class annotated with {@link TaskRule} (category {@code transition}) and listed in {@link
 * BuiltInRules#TRANSITION}; it reads the history and reports through its {@link TransitionContext},
 * attaching each finding to the version where it happens.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public interface TransitionRule {

  void check(TaskHistory history, TransitionContext ctx);
}
