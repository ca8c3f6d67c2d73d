package dev.taskcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

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
}
