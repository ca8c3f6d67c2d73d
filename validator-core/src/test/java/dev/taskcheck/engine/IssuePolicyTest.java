package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Suppression;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What happens to a Task's findings after the stages: replacement, rule sets, overrides,
 * suppressions.
 */
class IssuePolicyTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final String TASK = "Bundle.entry[1].resource";

  private static Issue issue(String rule, Severity s, String expression, IssueSource source) {
    return new Issue(rule, s, "invariant", expression, 1, 1, "m", source, null);
  }

  private static IssuePolicy policy(RuleSet set) {
    return new IssuePolicy(set, Map.of(), Set.of(), List.of(), NOW);
  }

  private static List<String> kept(IssuePolicy p, List<Issue> issues) {
    return p.apply(issues, TASK, false, "in/a.json").kept().stream()
        .map(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .toList();
  }

  @Test
  void baseInv1AndPer1OnTheTaskAreReplaced() {
    List<Issue> issues =
        List.of(
            issue("inv-1", Severity.ERROR, TASK, IssueSource.STRUCTURE),
            issue("per-1", Severity.ERROR, TASK + ".executionPeriod", IssueSource.STRUCTURE),
            issue("per-1", Severity.ERROR, TASK + ".contained[0].period", IssueSource.STRUCTURE),
            issue("inv-1", Severity.ERROR, TASK + ".contained[0]", IssueSource.STRUCTURE),
            issue(
                "rat-1",
                Severity.ERROR,
                TASK + ".output[0].value.ofType(Ratio)",
                IssueSource.STRUCTURE));
    assertThat(kept(policy(RuleSet.RECOMMENDED), issues))
        .containsExactly(
            "per-1 error " + TASK + ".contained[0].period",
            "inv-1 error " + TASK + ".contained[0]",
            "rat-1 error " + TASK + ".output[0].value.ofType(Ratio)");
  }

  @Test
  void aReplacedInvariantIsDroppedOnlyWhereItsRuleSaysSo() {
    List<Issue> issues =
        List.of(
            issue("inv-1", Severity.ERROR, TASK + ".restriction", IssueSource.STRUCTURE),
            issue("per-1", Severity.ERROR, TASK, IssueSource.STRUCTURE),
            issue(
                "per-1",
                Severity.ERROR,
                TASK + ".input[0].value.ofType(Period)",
                IssueSource.STRUCTURE),
            issue(
                "per-1",
                Severity.ERROR,
                "Bundle.entry[2].resource.executionPeriod",
                IssueSource.STRUCTURE),
            issue("inv-1", Severity.ERROR, TASK, IssueSource.PROFILE));
    assertThat(kept(policy(RuleSet.RECOMMENDED), issues))
        .containsExactly(
            "inv-1 error " + TASK + ".restriction",
            "per-1 error Bundle.entry[2].resource.executionPeriod");
  }

  @Test
  void ruleSetsSelectAndRegrade() {
    List<Issue> issues =
        List.of(
            issue("status-1", Severity.WARNING, TASK, IssueSource.PROFILE),
            issue("date-1", Severity.ERROR, TASK + ".lastModified", IssueSource.RULE),
            issue("status-8", Severity.INFORMATION, TASK + ".partOf[1]", IssueSource.RULE),
            issue("dom-6", Severity.WARNING, TASK, IssueSource.STRUCTURE));
    assertThat(kept(policy(RuleSet.CORE), issues))
        .containsExactly("date-1 error " + TASK + ".lastModified", "dom-6 warning " + TASK);
    assertThat(kept(policy(RuleSet.STRICT), issues))
        .containsExactly(
            "status-1 error " + TASK,
            "date-1 error " + TASK + ".lastModified",
            "status-8 information " + TASK + ".partOf[1]",
            "dom-6 warning " + TASK);
    assertThat(policy(RuleSet.CORE).runs("status-8")).isFalse();
    assertThat(policy(RuleSet.CORE).runs("date-2")).isTrue();
  }

  @Test
  void aProfileFindingTakesTheCatalogSeverity() {
    List<Issue> issues =
        List.of(
            issue(
                "progress-1",
                Severity.WARNING,
                TASK + ".output[0].value.ofType(Ratio)",
                IssueSource.PROFILE));
    assertThat(kept(policy(RuleSet.RECOMMENDED), issues))
        .containsExactly("progress-1 error " + TASK + ".output[0].value.ofType(Ratio)");
  }

  @Test
  void overridesComeAfterTheRuleSet() {
    IssuePolicy p =
        new IssuePolicy(
            RuleSet.CORE, Map.of("status-1", Severity.ERROR), Set.of("dom-6"), List.of(), NOW);
    List<Issue> issues =
        List.of(
            issue("status-1", Severity.WARNING, TASK, IssueSource.PROFILE),
            issue("dom-6", Severity.WARNING, TASK, IssueSource.STRUCTURE));
    assertThat(kept(p, issues)).containsExactly("status-1 error " + TASK);
    assertThat(p.runs("status-1")).isTrue();
    assertThat(p.runs("dom-6")).isFalse();
  }

  @Test
  void anEnteredInErrorTaskLosesItsProgressFindings() {
    List<Issue> issues =
        List.of(
            issue(
                "progress-1",
                Severity.ERROR,
                TASK + ".output[0].value.ofType(Ratio)",
                IssueSource.PROFILE),
            issue("status-10", Severity.INFORMATION, TASK + ".status", IssueSource.RULE),
            issue(
                "progress-2",
                Severity.ERROR,
                TASK + ".output[0].value.ofType(Ratio).numerator",
                IssueSource.RULE),
            issue(
                "transition-11",
                Severity.WARNING,
                TASK + ".output[0].value.ofType(Ratio).numerator",
                IssueSource.TRANSITION),
            issue("date-1", Severity.ERROR, TASK + ".lastModified", IssueSource.RULE));
    IssuePolicy.Outcome o = policy(RuleSet.RECOMMENDED).apply(issues, TASK, true, "a.json");
    assertThat(o.kept())
        .extracting(Issue::ruleId)
        .containsExactly("status-10", "transition-11", "date-1");
    assertThat(policy(RuleSet.RECOMMENDED).apply(issues, TASK, false, "a.json").kept()).hasSize(5);
  }

  @Test
  void suppressionsMatchRuleExpressionAndFileUntilTheyExpire() {
    Suppression owner =
        new Suppression(
            "status-1",
            "Bundle.entry[*].resource",
            "in/**",
            "assigned downstream",
            LocalDate.parse("2026-06-01"),
            "s.json:3");
    Suppression expired =
        new Suppression("status-2", "*", null, "old", LocalDate.parse("2026-05-31"), "s.json:4");
    IssuePolicy p =
        new IssuePolicy(RuleSet.RECOMMENDED, Map.of(), Set.of(), List.of(owner, expired), NOW);
    List<Issue> issues =
        List.of(
            issue("status-1", Severity.WARNING, TASK, IssueSource.PROFILE),
            issue("status-2", Severity.WARNING, TASK, IssueSource.PROFILE));
    IssuePolicy.Outcome o = p.apply(issues, TASK, false, "in/sub/a.json");
    assertThat(o.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.issue().ruleId()).isEqualTo("status-1");
              assertThat(s.reason()).isEqualTo("assigned downstream");
              assertThat(s.suppression()).isEqualTo("s.json:3");
            });
    assertThat(o.kept())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo("status-2");
              assertThat(i.message()).contains("s.json:4", "expired on 2026-05-31");
            });
    assertThat(p.apply(issues, TASK, false, "other/a.json").suppressed()).isEmpty();
  }
}
