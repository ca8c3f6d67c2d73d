package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.engine.DocumentProcessor;
import dev.taskcheck.engine.Processed;
import dev.taskcheck.engine.Stage;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.source.RawDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast engine does not evaluate the base invariants whose findings the issue policy drops
 * (inv-1 on a Task, per-1 in a Task outside its contained resources, which date-1 and date-2
 * replace); it evaluates them where the policy keeps them, and the results after the policy are
 * what they were.
 */
class PolicyDroppedInvariantsTest {

  private static final FastEngine FAST = new FastEngine(false);

  /**
   * A Task whose own period and dates are reversed, containing a Task whose period and dates are
   * reversed too.
   */
  private static final String TASK =
      "{\"resourceType\":\"Task\",\"id\":\"a\",\"status\":\"requested\",\"intent\":\"order\","
          + "\"contained\":[{\"resourceType\":\"Task\",\"id\":\"c\",\"status\":\"requested\","
          + "\"intent\":\"order\",\"authoredOn\":\"2024-03-02\",\"lastModified\":\"2024-03-01\","
          + "\"executionPeriod\":{\"start\":\"2024-03-02\",\"end\":\"2024-03-01\"}}],"
          + "\"partOf\":[{\"reference\":\"#c\"}],"
          + "\"authoredOn\":\"2024-03-02\",\"lastModified\":\"2024-03-01\","
          + "\"executionPeriod\":{\"start\":\"2024-03-02\",\"end\":\"2024-03-01\"},"
          + "\"restriction\":{\"period\":{\"start\":\"2024-03-02\",\"end\":\"2024-03-01\"}}}";

  /** The fast engine's own findings, before the issue policy. */
  private final List<Issue> raw = new ArrayList<>();

  private final Stage recording =
      new RecordingStage(
          FAST,
          raw::add,
          reason -> {
            throw new AssertionError("not covered: " + reason);
          });

  private static List<String> at(List<Issue> issues, String ruleId) {
    return issues.stream()
        .filter(i -> i.ruleId().equals(ruleId))
        .map(Issue::expression)
        .sorted()
        .toList();
  }

  @Test
  void replacedInvariantsAreEvaluatedOnlyWhereTheirFindingsAreKept() {
    Processed p =
        new DocumentProcessor(List.of(recording), FhirRelease.R4, t -> {})
            .process(new RawDocument("in", 1, TASK.getBytes(StandardCharsets.UTF_8), false));

    // evaluated in the contained Task only
    assertThat(at(raw, "per-1")).containsExactly("Task.contained[0].executionPeriod");
    assertThat(at(raw, "inv-1")).containsExactly("Task.contained[0]");
    // and that is what the policy kept before: it drops the Task's own
    Result r = p.results().get(0);
    assertThat(at(r.issues(), "per-1")).containsExactly("Task.contained[0].executionPeriod");
    assertThat(at(r.issues(), "inv-1")).containsExactly("Task.contained[0]");
  }
}
