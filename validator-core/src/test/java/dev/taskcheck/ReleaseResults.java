package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.List;

/** What the release tests (Stu3Test, Fhir140Test) read from a run: its one result, its findings. */
final class ReleaseResults {

  private ReleaseResults() {}

  static Result only(List<Result> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /**
   * The result of {@code --engine fast} on a document of a release the fast engine has no plan for:
   * no engine checked it, and one warning at the Task says so.
   */
  static void assertNotCheckedByTheFastEngine(Result r) {
    assertThat(r.engine()).isNull();
    assertThat(r.issues())
        .filteredOn(i -> "taskcheck-fast-not-covered".equals(i.messageId()))
        .singleElement()
        .satisfies(i -> assertThat(i.severity()).isEqualTo(Severity.WARNING))
        .satisfies(i -> assertThat(i.expression()).isEqualTo("Task"));
  }

  /** "ruleId severity expression", sorted. */
  static List<String> findings(Result r) {
    return r.issues().stream()
        .map(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .sorted()
        .toList();
  }
}
