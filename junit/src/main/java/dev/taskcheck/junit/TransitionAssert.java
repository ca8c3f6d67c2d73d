package dev.taskcheck.junit;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** Assertions on the findings of one transition between two versions of a Task. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TransitionAssert {

  private final List<Issue> issues;

  TransitionAssert(List<Issue> issues) {
    this.issues = List.copyOf(issues);
  }

  /** No transition finding at error or worse: the state machine in force allows the move. */
  public TransitionAssert isAllowed() {
    List<Issue> bad = atLeastError();
    if (!bad.isEmpty()) {
      throw Finding.failure(
          "Expected the transition to be allowed, found " + bad.size(), lines(bad));
    }
    return this;
  }

  /** At least one transition finding at error or worse. */
  public TransitionAssert isRefused() {
    if (atLeastError().isEmpty()) {
      throw Finding.failure(
          "Expected the transition to be refused, but no finding is an error. Its findings",
          lines(issues));
    }
    return this;
  }

  /** A finding of this rule (transition-1, ...). */
  public TransitionAssert hasIssue(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    if (issues.stream().noneMatch(i -> i.ruleId().equals(ruleId))) {
      throw Finding.failure(
          "Expected a " + ruleId + " finding on the transition, found none. Its findings",
          lines(issues));
    }
    return this;
  }

  /** No finding of this rule. */
  public TransitionAssert doesNotHaveIssue(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    List<Issue> matching = issues.stream().filter(i -> i.ruleId().equals(ruleId)).toList();
    if (!matching.isEmpty()) {
      throw Finding.failure(
          "Expected no " + ruleId + " finding on the transition, found", lines(matching));
    }
    return this;
  }

  /** The findings, for assertions of your own. */
  public List<Issue> issues() {
    return issues;
  }

  private List<Issue> atLeastError() {
    return issues.stream().filter(i -> i.severity().isAtLeast(Severity.ERROR)).toList();
  }

  /** The findings as lines, located in the version after. */
  private static List<String> lines(List<Issue> issues) {
    return issues.stream().map(i -> Finding.format("after", i)).toList();
  }
}
