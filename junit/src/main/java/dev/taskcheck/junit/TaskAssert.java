package dev.taskcheck.junit;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Assertions on the findings of one payload. A failure lists the findings that matter as {@code
 * file:line:column rule-id severity expression message}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TaskAssert {

  private final TaskChecker checker;
  private final String name;

  /** Validates the payload with a TaskCheck: the checker's, or one requiring a profile. */
  private final Function<TaskCheck, List<Result>> validation;

  private final List<Result> results;
  private final List<Finding> findings;

  TaskAssert(TaskChecker checker, String name, Function<TaskCheck, List<Result>> validation) {
    this.checker = checker;
    this.name = name;
    this.validation = validation;
    this.results = List.copyOf(validation.apply(checker.taskCheck()));
    this.findings = Finding.of(this.results);
  }

  /** The payload has no finding at error or worse (fatal included). */
  public TaskAssert isValid() {
    return hasNoIssuesAtLeast(Severity.ERROR);
  }

  /** The payload has no finding at {@code threshold} or worse. */
  public TaskAssert hasNoIssuesAtLeast(Severity threshold) {
    Objects.requireNonNull(threshold, "threshold");
    List<Finding> bad = Finding.atLeast(findings, threshold);
    if (!bad.isEmpty()) {
      throw Finding.failure(
          "Expected no finding at "
              + threshold.code()
              + " or worse in "
              + name
              + ", found "
              + bad.size(),
          bad);
    }
    return this;
  }

  /**
   * The payload has at least one finding of this rule; the returned assertion narrows them ({@link
   * IssueAssert#at}, {@link IssueAssert#withSeverity}).
   */
  public IssueAssert hasIssue(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    List<Finding> matching = ofRule(ruleId);
    if (matching.isEmpty()) {
      throw Finding.failure(
          "Expected a " + ruleId + " finding in " + name + ", found none. Its findings", findings);
    }
    return new IssueAssert(this, ruleId, name, matching);
  }

  /** The payload has no finding of this rule. */
  public TaskAssert doesNotHaveIssue(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    List<Finding> matching = ofRule(ruleId);
    if (!matching.isEmpty()) {
      throw Finding.failure(
          "Expected no " + ruleId + " finding in " + name + ", found " + matching.size(), matching);
    }
    return this;
  }

  /**
   * The payload, checked against {@code profileUrl} whether it claims it or not, has no finding at
   * error or worse. The profile must be TaskCheck's own, a core one, or one of an IG package the
   * configuration loads.
   */
  public TaskAssert isValidAgainst(String profileUrl) {
    Objects.requireNonNull(profileUrl, "profileUrl");
    List<Finding> bad =
        Finding.atLeast(
            Finding.of(validation.apply(checker.requiring(profileUrl))), Severity.ERROR);
    if (!bad.isEmpty()) {
      throw Finding.failure(
          "Expected "
              + name
              + " to be valid against "
              + profileUrl
              + ", found "
              + bad.size()
              + " error(s)",
          bad);
    }
    return this;
  }

  private List<Finding> ofRule(String ruleId) {
    return findings.stream().filter(f -> f.issue().ruleId().equals(ruleId)).toList();
  }

  /** The findings, for assertions of your own. */
  public List<Issue> issues() {
    return findings.stream().map(Finding::issue).toList();
  }

  /** One result per resource (an NDJSON line, a Bundle entry), with its findings. */
  public List<Result> results() {
    return results;
  }
}
