package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which uses of a known extension the fast engine checks itself (docs/engines/fast-engine.md,
 * "Known extensions"), and which it leaves to the reference engine: under {@code --engine fast}, a
 * covered probe is checked by the fast engine, a left one gets the not-covered warning.
 * FastProbesTest compares the covered ones with what the reference engine reported.
 */
class KnownExtensionsTest {

  private static final TaskCheck FAST = TaskCheck.builder().engine("fast").build();

  private static Result run(String probe) {
    List<Result> results =
        FAST.validate(ValidationRequest.of(TestData.path("probes").resolve(probe).toString()))
            .results();
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static boolean notCovered(Result r) {
    return r.issues().stream().map(Issue::messageId).anyMatch("taskcheck-fast-not-covered"::equals);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "extension/dar-ok.json",
        "extension/dar-bad-code.json",
        "extension/dar-bad-code-r5.json",
        "extension/dar-on-task-root.json",
        "extension/dar-on-backbone.json",
        "extension/dar-on-reference.json",
        "extension/dar-on-reference-string.json",
        "extension/dar-on-contained.json",
        "extension/dar-with-id.json",
        "extension/dar-twice.json",
        "extension/dar-empty-code.json",
        "extension/dar-code-spaces.json",
        "extension/dar-code-number.json",
        "extension/dar-code-array.json", // the value is dropped: a simple extension without value
        "extension/dar-unknown-property.json",
        "extension/dar-value-extension.json",
        "extension/original-text-ok.json",
        "extension/original-text-empty.json",
        "extension/original-text-on-task.json"
      })
  void aSimpleKnownExtensionUsedPlainlyIsCheckedByTheFastEngine(String probe) {
    Result r = run(probe);
    assertThat(notCovered(r)).as("%s: %s", probe, r.issues()).isFalse();
    assertThat(r.engine()).as(probe).isEqualTo("fast");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "extension/dar-two-values.json", // a second value of a type the definition does not allow
        "extension/dar-modifier.json", // in modifierExtension
        "extension/dar-in-unknown-extension.json", // nested in another extension
        "extension/known-no-value.json",
        "extension/known-wrong-value-type.json",
        "extension/known-wrong-context.json", // patient-birthPlace on a Task
        "extension/known-ok-task-replaces.json", // a value with target types of its own
        "extension/display-on-coding.json" // translation: a complex extension
      })
  void otherUsesGoToTheReferenceEngine(String probe) {
    Result r = run(probe);
    assertThat(notCovered(r)).as("%s: %s", probe, r.issues()).isTrue();
  }
}
