package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Result;
import java.util.List;

/** What the release tests (Stu3Test, Fhir140Test) read from a run: its one result, its findings. */
final class ReleaseResults {

  private ReleaseResults() {}

  static Result only(List<Result> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /** "ruleId severity expression", sorted. */
  static List<String> findings(Result r) {
    return r.issues().stream()
        .map(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .sorted()
        .toList();
  }
}
