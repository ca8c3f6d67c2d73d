package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.StateMachine.EdgeKind;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StateMachineFilesTest {

  @ParameterizedTest
  @EnumSource(value = FhirRelease.class, names = "V1_4_0", mode = EnumSource.Mode.EXCLUDE)
  void theBaseTablesAreTheSpecsDiagramAndNarrative(FhirRelease release) {
    StateMachine m = StateMachineFiles.builtIn(RuleSet.RECOMMENDED, release);
    assertThat(m.appliesTo(release)).isTrue();
    assertThat(m.statuses()).hasSize(12);
    assertThat(m.initial())
        .containsExactlyInAnyOrder(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.READY);
    assertThat(m.terminal())
        .containsExactlyInAnyOrder(
            TaskStatus.COMPLETED,
            TaskStatus.FAILED,
            TaskStatus.CANCELLED,
            TaskStatus.REJECTED,
            TaskStatus.ENTERED_IN_ERROR);
    assertThat(m.edge(TaskStatus.REQUESTED, TaskStatus.ACCEPTED)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.IN_PROGRESS, TaskStatus.READY)).isEqualTo(EdgeKind.NARRATIVE);
    assertThat(m.edge(TaskStatus.REQUESTED, TaskStatus.IN_PROGRESS)).isNull();
    assertThat(m.edge(TaskStatus.COMPLETED, TaskStatus.ENTERED_IN_ERROR))
        .isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.resumes(TaskStatus.ON_HOLD)).isTrue();
    // core and strict read the same table as recommended
    assertThat(StateMachineFiles.builtIn(RuleSet.STRICT, release)).isSameAs(m);
    assertThat(StateMachineFiles.builtIn(RuleSet.CORE, release)).isSameAs(m);
  }

  /** RULES.md's 1.4.0 machine, with the edges the status codes' definitions give. */
  @Test
  void the140TableHasTenStatusesAndEveryTaskCanBeMadeReady() {
    StateMachine m = StateMachineFiles.builtIn(RuleSet.RECOMMENDED, FhirRelease.V1_4_0);
    assertThat(m.name()).isEqualTo("base-1.4.0");
    assertThat(m.statuses())
        .hasSize(10)
        .doesNotContain(TaskStatus.CANCELLED, TaskStatus.ENTERED_IN_ERROR);
    assertThat(m.initial())
        .containsExactlyInAnyOrder(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.READY);
    assertThat(m.terminal())
        .containsExactlyInAnyOrder(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.REJECTED);
    assertThat(m.edge(TaskStatus.REQUESTED, TaskStatus.RECEIVED)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.RECEIVED, TaskStatus.ACCEPTED)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.IN_PROGRESS, TaskStatus.READY)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.COMPLETED, TaskStatus.READY)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.DRAFT, TaskStatus.RECEIVED)).isNull();
    assertThat(m.edge(TaskStatus.READY, TaskStatus.COMPLETED)).isNull();
    assertThat(m.resumes(TaskStatus.ON_HOLD)).isTrue();
    // every rule set reads it: no IG set has a 1.4.0 table
    assertThat(StateMachineFiles.builtIn(RuleSet.COW, FhirRelease.V1_4_0)).isSameAs(m);
  }

  @Test
  void aSmallTableParses() {
    StateMachine m =
        StateMachineFiles.parse(
            """
        {"name": "mine", "fhirVersions": ["R4"], "statuses": ["requested", "in-progress", "completed"],
         "initial": ["requested"], "terminal": ["completed"],
         "transitions": [{"from": "requested", "to": "in-progress"},
                         {"from": "in-progress", "to": ["completed"], "kind": "narrative", "note": "x"}]}
        """,
            "mine.json");
    assertThat(m.name()).isEqualTo("mine");
    assertThat(m.appliesTo(FhirRelease.R5)).isFalse();
    assertThat(m.edge(TaskStatus.REQUESTED, TaskStatus.IN_PROGRESS)).isEqualTo(EdgeKind.DIAGRAM);
    assertThat(m.edge(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED)).isEqualTo(EdgeKind.NARRATIVE);
    assertThat(m.resumeFrom()).isEmpty();
  }

  static Stream<Arguments> wrongTables() {
    String head = "{\"name\": \"x\", \"fhirVersions\": [\"R4\"], ";
    return Stream.of(
        Arguments.of("not json", "{\"name\": ", 1, "not valid JSON"),
        Arguments.of(
            "unknown property",
            "{\"name\": \"x\",\n \"colour\": 1}",
            2,
            "unknown property 'colour'"),
        Arguments.of("missing field", "{\"name\": \"x\"}", 1, "no 'fhirVersions'"),
        Arguments.of(
            "bad status",
            head
                + "\n \"statuses\": [\"done\"], \"initial\": [], \"terminal\": [],"
                + " \"transitions\": []}",
            2,
            "'done' is not a Task status code"),
        Arguments.of(
            "status outside table",
            head
                + "\"statuses\": [\"requested\"],\n \"initial\": [\"draft\"],"
                + " \"terminal\": [], \"transitions\": []}",
            2,
            "not one of the table's statuses"),
        Arguments.of(
            "bad release", "{\"name\": \"x\",\n \"fhirVersions\": [\"R9\"]}", 2, "fhirVersions"),
        Arguments.of(
            "bad kind",
            head
                + "\"statuses\": [\"requested\", \"accepted\"], \"initial\": [],"
                + " \"terminal\": [],\n \"transitions\": [{\"from\": \"requested\", \"to\": \"accepted\",\n"
                + " \"kind\": \"maybe\"}]}",
            3,
            "unknown kind 'maybe'"),
        Arguments.of(
            "edge without to",
            head
                + "\"statuses\": [\"requested\"], \"initial\": [], \"terminal\": [],"
                + "\n \"transitions\": [{\"from\": \"requested\"}]}",
            2,
            "needs 'from' and 'to'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTables")
  void aWrongTableIsRefusedWithFileAndLine(String what, String text, int line, String message) {
    assertThatThrownBy(() -> StateMachineFiles.parse(text, "t.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.json:" + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> StateMachineFiles.read(java.nio.file.Path.of("no/such/table.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no/such/table.json");
  }
}
