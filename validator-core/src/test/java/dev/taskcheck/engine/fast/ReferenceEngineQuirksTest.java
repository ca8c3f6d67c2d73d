package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the reference engine is wrong and the fast engine does not follow it: the reasons behind
 * the entries of testdata/differential/allow-list.tsv, shown on the engines themselves.
 */
class ReferenceEngineQuirksTest {

  private static final String DOUBLE_SLASH =
      """
      {
        "resourceType": "Task",
        "id": "double-slash",
        "status": "requested",
        "intent": "order",
        "for": { "reference": "Patient//1" }
      }
      """;

  private static List<Issue> issues(String engine, String text) {
    List<Result> results =
        TaskCheck.builder()
            .engine(engine)
            .fhirVersion(FhirRelease.R4)
            .build()
            .validateText(text, "double-slash.json");
    assertThat(results).hasSize(1);
    return results.get(0).issues();
  }

  @Test
  void aReferenceWithAnEmptySegmentCrashesTheHl7Validator() {
    assertThat(issues("reference", DOUBLE_SLASH))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo("internal-error");
              assertThat(i.severity()).isEqualTo(Severity.FATAL);
            });
    assertThat(issues("fast", DOUBLE_SLASH))
        .extracting(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .contains("structure-reference warning Task.for")
        .noneMatch(k -> k.startsWith("internal-error"));
  }
}
