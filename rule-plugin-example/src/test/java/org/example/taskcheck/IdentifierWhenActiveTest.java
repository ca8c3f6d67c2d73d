package org.example.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plug-in as a user's project would test it: on the class path, TaskCheck finds it through
 * ServiceLoader, lists it in its catalog and reports its findings like a built-in rule's.
 */
class IdentifierWhenActiveTest {

  private static final TaskCheck TASKCHECK = TaskCheck.builder().engine("fast").build();

  private static String task(String status, boolean identifier) {
    return "{\"resourceType\":\"Task\",\"id\":\"t1\","
        + (identifier ? "\"identifier\":[{\"system\":\"urn:x\",\"value\":\"1\"}]," : "")
        + "\"status\":\""
        + status
        + "\",\"intent\":\"order\"}";
  }

  private static List<Issue> example1(TaskCheck taskCheck, String json) {
    List<Result> results = taskCheck.validateText(json, "task.json");
    return results.stream()
        .flatMap(r -> r.issues().stream())
        .filter(i -> i.ruleId().equals("example-1"))
        .toList();
  }

  @Test
  void aCompletedTaskWithoutIdentifierIsReported() {
    assertThat(example1(TASKCHECK, task("completed", false)))
        .extracting(Issue::ruleId, Issue::severity, Issue::expression)
        .containsExactly(tuple("example-1", Severity.WARNING, "Task"));
  }

  @Test
  void aTaskWithAnIdentifierOrNotYetStartedIsNot() {
    assertThat(example1(TASKCHECK, task("completed", true))).isEmpty();
    assertThat(example1(TASKCHECK, task("requested", false))).isEmpty();
  }

  @Test
  void theMessageComesFromThePluginsOwnBundle() {
    assertThat(example1(TASKCHECK, task("in-progress", false)))
        .singleElement()
        .satisfies(i -> assertThat(i.messageId()).isEqualTo("example-1.missing"))
        .satisfies(i -> assertThat(i.message()).doesNotContain("(no message)"));
  }

  @Test
  void theCatalogListsItAsAPlugIn() {
    assertThat(TASKCHECK.rules())
        .filteredOn(r -> r.id().equals("example-1"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(RuleInfo.Kind.PLUGIN);
              assertThat(r.category()).isEqualTo("example");
              assertThat(r.origin()).contains(IdentifierWhenActive.class.getName());
              assertThat(r.docUrl()).endsWith("rule-plugin-example/README.md");
            });
  }

  @Test
  void itBehavesLikeACatalogRule() {
    TaskCheck off = TaskCheck.builder().engine("fast").rule("example-1=off").build();
    assertThat(example1(off, task("completed", false))).isEmpty();
    TaskCheck strict = TaskCheck.builder().engine("fast").ruleSet(RuleSet.STRICT).build();
    assertThat(example1(strict, task("completed", false)))
        .extracting(Issue::severity)
        .containsExactly(Severity.ERROR);
  }
}
