package dev.taskcheck.junit;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The findings of one rule in a payload, narrowed step by step: each step fails when none is left,
 * and names the findings of the rule it had.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class IssueAssert {

  private final TaskAssert task;
  private final String ruleId;
  private final String name;
  private final List<Finding> findings;

  IssueAssert(TaskAssert task, String ruleId, String name, List<Finding> findings) {
    this.task = task;
    this.ruleId = ruleId;
    this.name = name;
    this.findings = findings;
  }

  /** A finding of the rule has exactly this FHIRPath expression. */
  public IssueAssert at(String expression) {
    Objects.requireNonNull(expression, "expression");
    return narrow(i -> expression.equals(i.expression()), "at " + expression);
  }

  /** A finding of the rule has this severity. */
  public IssueAssert withSeverity(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return narrow(i -> i.severity() == severity, "with severity " + severity.code());
  }

  /** A finding of the rule is on this line. */
  public IssueAssert onLine(int line) {
    return narrow(i -> i.line() != null && i.line() == line, "on line " + line);
  }

  /** The matching findings, for assertions of your own. */
  public List<Issue> issues() {
    return findings.stream().map(Finding::issue).toList();
  }

  /** Back to the payload's assertions. */
  public TaskAssert and() {
    return task;
  }

  private IssueAssert narrow(Predicate<Issue> test, String what) {
    List<Finding> left = findings.stream().filter(f -> test.test(f.issue())).toList();
    if (left.isEmpty()) {
      throw Finding.failure(
          "Expected a "
              + ruleId
              + " finding "
              + what
              + " in "
              + name
              + ". The "
              + ruleId
              + " findings are",
          findings);
    }
    return new IssueAssert(task, ruleId, name, left);
  }
}
