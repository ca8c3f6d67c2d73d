package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParsedDocument;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A finding repeated with the same rule, severity, expression, source, message id and message. */
class FindingsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 15, 16, 17, 40})
  void keepsOneOfIdenticalFindingsHoweverManyThereAre(int distinct) {
    Findings out =
        new Findings(
            ((ParsedDocument) DocumentParser.parseText("{\"resourceType\":\"Task\"}", 1)).root());
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < distinct; i++) {
        out.issue(
            "r",
            Severity.ERROR,
            "invalid",
            "Task.note[" + i + "]",
            "m",
            IssueSource.STRUCTURE,
            "id");
      }
    }
    // each field on its own makes another finding
    out.issue("r", Severity.ERROR, "invalid", "Task.note[0]", "m", IssueSource.STRUCTURE, null);
    out.issue("r", Severity.ERROR, "invalid", "Task.note[0]", "m2", IssueSource.STRUCTURE, "id");
    out.issue("r", Severity.WARNING, "invalid", "Task.note[0]", "m", IssueSource.STRUCTURE, "id");
    out.issue("r2", Severity.ERROR, "invalid", "Task.note[0]", "m", IssueSource.STRUCTURE, "id");
    out.issue("r", Severity.ERROR, "invalid", "Task.note[0]", "m", IssueSource.PROFILE, "id");
    out.issue("r", Severity.ERROR, "invalid", "Task", "m", IssueSource.STRUCTURE, "id");
    // and again: kept once
    out.issue("r", Severity.ERROR, "invalid", "Task", "m", IssueSource.STRUCTURE, "id");
    out.issue("r", Severity.ERROR, "invalid", "Task.note[0]", "m", IssueSource.STRUCTURE, null);

    List<Issue> issues = out.issues();
    assertThat(issues).hasSize(distinct + 6);
    assertThat(
            issues.stream()
                .map(
                    i ->
                        List.of(
                            i.ruleId(),
                            i.severity(),
                            i.expression(),
                            i.source(),
                            String.valueOf(i.messageId()),
                            i.message()))
                .distinct()
                .count())
        .isEqualTo(distinct + 6);
  }
}
