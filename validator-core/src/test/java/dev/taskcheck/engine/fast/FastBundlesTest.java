package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which Bundles the fast engine checks itself (docs/engines/fast-engine.md, "Bundles") and which it
 * leaves to the reference engine: under {@code --engine fast}, every Task of a covered probe is
 * checked by the fast engine; a left probe gets the not-covered warning on its Tasks.
 * FastProbesTest compares the covered ones with what the reference engine reported.
 */
class FastBundlesTest {

  private static final TaskCheck FAST = TaskCheck.builder().engine("fast").build();

  private static List<Result> run(String probe) {
    List<Result> results =
        FAST.validate(ValidationRequest.of(TestData.path("probes").resolve(probe).toString()))
            .results();
    assertThat(results).as(probe).isNotEmpty();
    return results;
  }

  private static boolean notCovered(List<Result> results) {
    return results.stream()
        .flatMap(r -> r.issues().stream())
        .map(Issue::messageId)
        .anyMatch("taskcheck-fast-not-covered"::equals);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "base/clean-bundle-collection.json",
        "profile/unknown-on-bundle.json",
        "base/clean-bundle-transaction.json",
        "bundle/transaction-bad-method.json",
        "cardinality/transaction-entry-without-request.json",
        "base/clean-bundle-history.json",
        "base/clean-bundle-searchset.json",
        "base/clean-r5-bundle-collection.json",
        "bundle/bundle-identifier-bad-system.json",
        "bundle/bundle-timestamp-bad.json",
        "bundle/fullurl-duplicate.json",
        "bundle/fullurl-urn-uuid.json",
        "bundle/history-delete-entry.json",
        "bundle/history-old-version-bad.json",
        "bundle/history-without-request.json",
        "bundle/history-without-response.json",
        "bundle/other-entry-invalid.json",
        "bundle/ref-absolute-in-bundle.json",
        "bundle/ref-absolute-not-in-bundle.json",
        "bundle/ref-bare-id-in-bundle.json",
        "bundle/ref-boolean-in-bundle.json",
        "bundle/ref-relative-not-in-bundle.json",
        "bundle/ref-resolves-relative-bad-type.json",
        "bundle/ref-resolves-relative.json",
        "bundle/ref-resolves-urn-bad-type.json",
        "bundle/ref-resolves-urn.json",
        "bundle/ref-type-element-mismatch-resolved.json",
        "bundle/request-on-collection.json",
        "bundle/search-on-collection.json",
        "bundle/searchset-no-self-link.json",
        "bundle/searchset-total-on-collection.json",
        "bundle/task-refers-to-task.json",
        "bundle/two-tasks-one-bad.json",
        "profile/status-2-in-bundle.json",
        "profile/unknown-in-bundle-task.json",
        "release/r4-no-narrative-in-bundle.json",
        "release/r5-no-narrative-in-bundle.json",
        "unknown/in-bundle-entry.json",
        "unknown/in-bundle-root.json",
        "unknown/in-other-entry.json"
      })
  void aPlainBundleIsCheckedByTheFastEngine(String probe) {
    List<Result> results = run(probe);
    assertThat(notCovered(results)).as("%s: %s", probe, results).isFalse();
    assertThat(
            results.stream().filter(r -> r.resource() != null && r.resource().startsWith("Task")))
        .as(probe)
        .isNotEmpty()
        .allMatch(r -> "fast".equals(r.engine()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "base/clean-bundle-batch.json",
        "bundle/ref-bare-id-in-transaction.json",
        "bundle/bundle-link-prohibited.json",
        "bundle/bundle-r5-relative-urn-base.json",
        "bundle/contained-ref-in-bundle-task.json",
        "bundle/document-without-composition.json",
        "bundle/message-without-header.json",
        "bundle/nested-bundle.json",
        "bundle/entry-without-fullurl.json",
        "bundle/fullurl-id-mismatch.json",
        "bundle/fullurl-history.json",
        "bundle/ref-possible-match-wrong-fullurl.json",
        "bundle/ref-urn-not-in-bundle.json",
        "bundle/searchset-no-mode.json",
        "bundle/searchset-wrong-type.json",
        "bundle/type-unknown.json"
      })
  void otherBundlesGoToTheReferenceEngine(String probe) {
    assertThat(notCovered(run(probe))).as(probe).isTrue();
  }

  private static List<Result> results(TaskCheck engine, String probe) {
    return engine
        .validate(ValidationRequest.of(TestData.path("probes").resolve(probe).toString()))
        .results();
  }

  /**
   * Without the TaskCheck profile pass (the core rule set) the reference engine holds a Task entry
   * to dom-6 as the root of its base pass; with it, not (observed.json). No probe is observed under
   * the core rule set in a Bundle, so both engines run here.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "release/r4-no-narrative-in-bundle.json",
        "release/r5-no-narrative-in-bundle.json",
        "bundle/two-tasks-one-bad.json",
        "base/clean-bundle-history.json"
      })
  void underTheCoreRuleSetBothEnginesAgreeOnBundles(String probe) {
    TaskCheck fast = TaskCheck.builder().engine("fast").ruleSet(RuleSet.CORE).build();
    TaskCheck reference = TaskCheck.builder().engine("reference").ruleSet(RuleSet.CORE).build();
    List<Result> fromFast = results(fast, probe);
    assertThat(notCovered(fromFast)).as(probe).isFalse();
    assertThat(Differential.keys(fromFast))
        .as(probe)
        .isEqualTo(Differential.keys(results(reference, probe)));
  }
}
