package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * transition-13 judges the first version of a history, and only when the history can show the
 * Task's creation.
 */
class InitialStatusTest {

  private static final TaskCheck HISTORY =
      TaskCheck.builder()
          .fhirVersion(FhirRelease.R4)
          .history(true)
          .now(Instant.parse("2025-06-01T00:00:00Z"))
          .threads(1)
          .build();

  private static String task(String id, String versionId, String status, String lastModified) {
    String meta = versionId == null ? "" : "\"meta\": {\"versionId\": \"" + versionId + "\"}, ";
    return "{\"resourceType\": \"Task\", \"id\": \""
        + id
        + "\", "
        + meta
        + "\"status\": \""
        + status
        + "\", \"intent\": \"order\", \"lastModified\": \""
        + lastModified
        + "\"}";
  }

  private static String collection(String... tasks) {
    StringBuilder b =
        new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [");
    for (int i = 0; i < tasks.length; i++) {
      b.append(i == 0 ? "" : ", ").append("{\"resource\": ").append(tasks[i]).append('}');
    }
    return b.append("]}").toString();
  }

  private static List<String> initialStatusFindings(String text) {
    return HISTORY.validateText(text, "t.json").stream()
        .map(Result::issues)
        .flatMap(List::stream)
        .map(Issue::ruleId)
        .filter("transition-13"::equals)
        .toList();
  }

  @Test
  void aLoneVersionWithoutVersionIdIsASnapshotNotACreation() {
    // a search result or an export: a cancelled Task seen once says nothing about how it was
    // created
    assertThat(initialStatusFindings(task("a", null, "cancelled", "2024-02-08T18:02:49Z")))
        .isEmpty();
  }

  @Test
  void aLoneFirstVersionIsJudged() {
    assertThat(initialStatusFindings(task("a", "1", "in-progress", "2024-02-08T18:02:49Z")))
        .containsExactly("transition-13");
  }

  @Test
  void aHistoryWithoutVersionIdsStartsAtItsFirstVersion() {
    assertThat(
            initialStatusFindings(
                collection(
                    task("a", null, "in-progress", "2024-02-08T18:02:49Z"),
                    task("a", null, "completed", "2024-02-08T18:03:49Z"))))
        .containsExactly("transition-13");
  }

  @Test
  void aHistoryStartingInAnInitialStatusIsFine() {
    assertThat(
            initialStatusFindings(
                collection(
                    task("a", null, "draft", "2024-02-08T18:02:49Z"),
                    task("a", null, "ready", "2024-02-08T18:03:49Z"))))
        .isEmpty();
  }
}
