package dev.taskcheck.rules;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.model.RuleConfig;
import dev.taskcheck.model.Severity;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a rule may do besides reading the Task: report findings, read configuration and the clock.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public interface RuleContext {

  /**
   * Reports a finding at the rule's default severity.
   *
   * @param expression where, relative to the Task ({@code
   *     Task.output[1].value.ofType(Ratio).numerator})
   * @param messageKey one of the rule's {@link MessageKey} constants: the message is {@code <rule
   *     id>.<messageKey>} in the rules' message bundle
   * @param args the message arguments
   */
  void report(String expression, String messageKey, @Nullable Object... args);

  /**
   * Reports a finding at a severity other than the default, for the rules whose catalog entry
   * grades findings (progress-5: W when the units are commensurable; progress-8: I when in progress
   * and full). Rule sets and overrides still apply to it.
   */
  void report(Severity severity, String expression, String messageKey, @Nullable Object... args);

  /** The run's rule configuration. */
  RuleConfig config();

  /** The run's clock reading, for time-relative rules. */
  Instant now();

  /**
   * The state machine in force for the Task's release: the statuses the rule set's workflow uses,
   * ...
   */
  StateMachine stateMachine();
}
