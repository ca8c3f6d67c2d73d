package dev.taskcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

@TaskCheckTest(fhirVersion = "R4", ruleSet = "strict", rules = "status-8=off")
class TaskCheckExtensionTest {

  private static final Set<TaskChecker> SEEN = ConcurrentHashMap.newKeySet();

  @Test
  void theCheckerIsConfiguredByTheAnnotation(TaskChecker checker) {
    assertThat(checker.taskCheck().ruleSet()).isEqualTo(RuleSet.STRICT);
    assertThat(checker.taskCheck().fhirVersion()).isEqualTo(FhirRelease.R4);
    assertThat(checker.taskCheck().rulesInForce()).noneMatch(r -> r.id().equals("status-8"));
  }

  @RepeatedTest(3)
  void oneCheckerPerConfigurationAndRun(TaskChecker checker) {
    SEEN.add(checker);
    assertThat(SEEN).hasSize(1);
  }

  @Nested
  class Inner {
    @Test
    void nestedClassesShareTheEnclosingConfiguration(TaskChecker checker) {
      assertThat(checker.taskCheck().ruleSet()).isEqualTo(RuleSet.STRICT);
      SEEN.add(checker);
      assertThat(SEEN).hasSize(1);
    }
  }

  /**
   * Run by {@link #aWrongSettingFailsTheTestNamingTheProblem} only (Surefire skips nested classes).
   */
  @TaskCheckTest(ruleSet = "no-such-set")
  static class WrongSetting {
    @Test
    void needsAChecker(TaskChecker checker) {
      assertThat(checker).isNotNull();
    }
  }

  @Test
  void aWrongSettingFailsTheTestNamingTheProblem() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(WrongSetting.class))
                .build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessageContaining("@TaskCheckTest")
        .hasMessageContaining("unknown rule set 'no-such-set'");
  }
}
