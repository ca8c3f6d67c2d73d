package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a replaced base invariant's findings are dropped, by expression. */
class ReplacedInTest {

  @ParameterizedTest
  @CsvSource({
    "TASK, Task, Task, true",
    "TASK, Task.executionPeriod, Task, false",
    "TASK, Bundle.entry[2].resource, Bundle.entry[2].resource, true",
    "TASK_ELEMENTS, Task, Task, true",
    "TASK_ELEMENTS, Task.executionPeriod, Task, true",
    "TASK_ELEMENTS, Task.restriction.period, Task, true",
    "TASK_ELEMENTS, Task.input[1].value.ofType(Period), Task, true",
    "TASK_ELEMENTS, Task.contained[0].period, Task, false",
    "TASK_ELEMENTS, Task.contained, Task, false",
    "TASK_ELEMENTS, Tasks.period, Task, false",
    "TASK_ELEMENTS, Tas, Task, false",
    "TASK_ELEMENTS, Bundle.entry[2].resource.executionPeriod, Bundle.entry[2].resource, true",
    "TASK_ELEMENTS, Bundle.entry[2].resource.contained[0].x, Bundle.entry[2].resource, false",
    "TASK_ELEMENTS, Bundle.entry[2].resourceX, Bundle.entry[2].resource, false",
    "TASK_ELEMENTS, Bundle.entry[1].resource.period, Bundle.entry[2].resource, false",
  })
  void coversTheTaskAndWhatIsInItButItsContainedResources(
      ReplacedIn scope, String expression, String taskPath, boolean covered) {
    assertThat(scope.covers(expression, taskPath)).isEqualTo(covered);
  }
}
