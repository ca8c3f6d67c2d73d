package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.RuleMessages;

/** How a rule's report becomes an issue, the same for single-Task and transition rules. */
final class RuleIssues {

  private RuleIssues() {}

  /**
   * The expression of a rule's finding placed in its document ({@code Task.status} in the Task at
   * {@code Bundle.entry[2].resource} is {@code Bundle.entry[2].resource.status}).
   *
   * @throws IllegalArgumentException for a fatal severity or an expression that does not start at the Task
   */
  static String inDocument(String taskPath, Severity severity, String expression) {
    if (severity == Severity.FATAL) {
      throw new IllegalArgumentException("a rule never reports fatal findings");
    }
    if (!expression.equals("Task") && !expression.startsWith("Task.")) {
      throw new IllegalArgumentException("rule expressions start at the Task: " + expression);
    }
    return taskPath + expression.substring("Task".length());
  }

  /** A rule's finding at {@code position} (line, column), with its message from the rules' bundle. */
  static Issue finding(String ruleId, Severity severity, String inDocument, int[] position, IssueSource source,
      String messageKey, Object... args) {
    return new Issue(ruleId, severity, "business-rule", inDocument, position[0], position[1],
        RuleMessages.format(ruleId, messageKey, args), source, ruleId + "." + messageKey);
  }

  /** The {@code internal-error} issue of a rule that threw; the other rules still run. */
  static Issue failure(String ruleId, String what, String taskPath, int line, int column, RuntimeException e,
      IssueSource source) {
    return new Issue(StructureIds.INTERNAL, Severity.FATAL, "exception", taskPath, line, column,
        "rule " + ruleId + " failed on " + what + " (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); the other rules ran. Run with --debug for details, and please report it.",
        source, ruleId);
  }
}
