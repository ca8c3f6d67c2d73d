package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;

/**
 * Where the findings of one narrative go: the XHTML ones at the div, the language ones at the
 * resource.
 *
 * @param divExpression the div's expression, which the reference engine also writes in some of its
 *     messages
 */
record NarrativeReport(Findings out, String divExpression, String resourceExpression) {

  void atDiv(NarrativeCheck check, String message) {
    atDiv(check, check.level, message);
  }

  void atDiv(NarrativeCheck check, Severity level, String message) {
    out.issue(
        check.ruleId,
        level,
        check.issueType,
        divExpression,
        message,
        IssueSource.STRUCTURE,
        check.messageId);
  }

  void atResource(NarrativeCheck check, String message) {
    out.issue(
        check.ruleId,
        check.level,
        check.issueType,
        resourceExpression,
        message,
        IssueSource.STRUCTURE,
        check.messageId);
  }
}
