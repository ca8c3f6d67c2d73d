package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Where the findings of one narrative go: the XHTML ones at the div, the language ones at the
 * resource. The expressions are written only for a finding (most narratives have none).
 */
final class NarrativeReport {
  private final Findings out;
  private final Loc div;
  private final Loc resource;
  private @Nullable String divExpression;

  NarrativeReport(Findings out, Loc div, Loc resource) {
    this.out = out;
    this.div = div;
    this.resource = resource;
  }

  /** The div's expression, which the reference engine also writes in some of its messages. */
  String divExpression() {
    String e = divExpression;
    if (e == null) {
      e = div.toString();
      divExpression = e;
    }
    return e;
  }

  void atDiv(NarrativeCheck check, String message) {
    atDiv(check, check.level, message);
  }

  void atDiv(NarrativeCheck check, Severity level, String message) {
    out.issue(
        check.ruleId,
        level,
        check.issueType,
        divExpression(),
        message,
        IssueSource.STRUCTURE,
        check.messageId);
  }

  void atResource(NarrativeCheck check, String message) {
    out.issue(
        check.ruleId,
        check.level,
        check.issueType,
        resource.toString(),
        message,
        IssueSource.STRUCTURE,
        check.messageId);
  }
}
