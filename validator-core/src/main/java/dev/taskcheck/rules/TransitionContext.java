package dev.taskcheck.rules;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a transition rule may do besides reading the history: report, read the state machine and the
 * clock.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public interface TransitionContext {

  /**
   * Reports a finding on one version at the rule's default severity.
   *
   * @param at the version where the finding happens
   * @param expression where in that version, relative to the Task ({@code Task.status})
   * @param messageKey one of the rule's {@link MessageKey} constants: the message is {@code <rule
   *     id>.<messageKey>} in the rules' message bundle
   */
  void report(TaskVersion at, String expression, String messageKey, @Nullable Object... args);

  /**
   * Reports a finding at a severity other than the default (transition-1's narrative edges, ...).
   */
  void report(
      Severity severity,
      TaskVersion at,
      String expression,
      String messageKey,
      @Nullable Object... args);

  /** The state machine in force for the version's release (the rule set's, or the user's). */
  StateMachine stateMachine(TaskVersion version);

  RuleConfig config();

  Instant now();

  /**
   * How long a non-terminal Task may go unmodified before transition-15 reports it; null: never.
   */
  @Nullable Duration stuckAfter();
}
