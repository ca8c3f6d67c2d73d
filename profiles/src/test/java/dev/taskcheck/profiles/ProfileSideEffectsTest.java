package dev.taskcheck.profiles;

import static dev.taskcheck.profiles.TaskJson.quantityOutput;
import static dev.taskcheck.profiles.TaskJson.ratio;
import static dev.taskcheck.profiles.TaskJson.ratioOutput;
import static dev.taskcheck.profiles.TaskJson.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import dev.taskcheck.profiles.TaskValidator.Message;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The profile adds the TaskCheck rules and nothing else: a Task that keeps every rule gets exactly
 * the messages it gets without the profile (no "profile not found", no snapshot, slicing or
 * narrative side effects), and the clean, complete Task gets no error or warning at all. Also pins
 * where and how severe HL7 reports each kind of invariant.
 */
class ProfileSideEffectsTest {

  /** Tasks that keep every TaskCheck rule, some with findings of the core definitions. */
  private static final Map<String, UnaryOperator<TaskJson>> VALID =
      Map.of(
          "clean", t -> t,
          "no narrative (dom-6)", t -> t.remove("text"),
          "minimal draft",
              t ->
                  t.status("draft")
                      .remove(
                          "text",
                          "owner",
                          "executionPeriod",
                          "output",
                          "priority",
                          "description",
                          "for",
                          "authoredOn"),
          "completed",
              t -> t.status("completed").period("2024-01-01T10:00:00Z", "2024-01-03T10:00:00Z"),
          "outputs of many types",
              t ->
                  t.outputs(
                      "{\"type\": {\"text\": \"note\"}, \"valueString\": \"fine\"}",
                      "{\"type\": {\"text\": \"report\"}, \"valueReference\": {\"reference\": \"DocumentReference/d1\"}}",
                      "{\"type\": {\"text\": \"done\"}, \"valueBoolean\": true}",
                      "{\"type\": {\"text\": \"result\"}, \"valueCodeableConcept\": {\"text\": \"normal\"}}",
                      quantityOutput(
                          "{\"value\": 40, \"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"),
                      "{\"type\": {\"text\": \"when\"}, \"valueDateTime\": \"2024-01-02\"}",
                      ratioOutput(ratio(sessions("\"value\": 1"), sessions("\"value\": 2")))),
          "a broken core rule (Ratio without denominator in an input)",
              t -> t.inputs(ratioOutput(ratio(sessions("\"value\": 1"), null))));

  @ParameterizedTest
  @EnumSource(Release.class)
  void theProfileAddsNothingToATaskThatKeepsTheRules(Release release) {
    TaskValidator validator = TaskValidator.of(release);
    for (Map.Entry<String, UnaryOperator<TaskJson>> e : VALID.entrySet()) {
      String json = e.getValue().apply(TaskJson.clean(release)).json();
      assertThat(describe(validator.withProfile(json)))
          .as("%s (%s): with the profile, as without", e.getKey(), release)
          .containsExactlyInAnyOrderElementsOf(describe(validator.withoutProfile(json)));
    }
    assertThat(NoNetwork.installed()).isTrue();
    assertThat(NoNetwork.attempts()).as("connection attempts").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void theCleanCompleteTaskHasNoErrorOrWarning(Release release) {
    String json = TaskJson.clean(release).json();
    TaskValidator validator = TaskValidator.of(release);
    // HAPI's (and the HL7 CLI's) default level reports HL7's best-practice check on UCUM
    // annotations ({session}) as
    // a warning, with or without the profile; with best practice reported as information, nothing
    // is left
    assertThat(validator.withProfileBestPracticeAsHints(json))
        .filteredOn(m -> m.severity().compareTo(ResultSeverityEnum.WARNING) >= 0)
        .isEmpty();
    assertThat(validator.withProfile(json))
        .filteredOn(m -> m.severity().compareTo(ResultSeverityEnum.WARNING) >= 0)
        .allSatisfy(
            m ->
                assertThat(m.messageId())
                    .startsWith("TYPE_SPECIFIC_CHECKS_DT_QTY_UCUM_ANNOTATIONS"))
        .extracting(Message::location)
        .containsExactlyInAnyOrder(
            "Task.output[0].value.ofType(Ratio).numerator",
            "Task.output[0].value.ofType(Ratio).denominator");
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void whereAndHowSevereHl7ReportsEachKindOfInvariant(Release release) {
    TaskJson task =
        TaskJson.clean(release)
            .status("completed") // status-3: no end (root)
            .set("businessStatus", "{\"text\": \"completed\"}") // status-6
            .statusReasonConcept(
                "{\"coding\": [{\"system\": \"http://example.org/reasons\", \"code\": \"r7\"}]}")
            .outputs(
                quantityOutput(
                    "{\"value\": 101, \"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"),
                ratioOutput(ratio(sessions("\"value\": 4"), sessions("\"value\": 0"))));
    List<Message> ours =
        TaskValidator.of(release).withProfile(task.json()).stream().filter(Message::ours).toList();
    assertThat(ours)
        .extracting(Message::key, Message::location, Message::severity, Message::messageId)
        .containsExactlyInAnyOrder(
            tuple(
                "status-3", "Task", ResultSeverityEnum.WARNING, Release.TASK_PROFILE + "#status-3"),
            tuple(
                "status-6",
                "Task.businessStatus",
                ResultSeverityEnum.WARNING,
                Release.TASK_PROFILE + "#status-6"),
            tuple(
                "failure-4",
                "Task.statusReason",
                ResultSeverityEnum.WARNING,
                Release.TASK_PROFILE + "#failure-4"),
            tuple(
                "progress-11",
                "Task.output[0]",
                ResultSeverityEnum.WARNING,
                Release.TASK_PROFILE + "#progress-11"),
            tuple(
                "progress-1",
                "Task.output[1].value.ofType(Ratio)",
                ResultSeverityEnum.ERROR,
                Release.RATIO_PROFILE + "#progress-1"));
    assertThat(ours)
        .allSatisfy(m -> assertThat(m.text()).startsWith("Constraint failed: " + m.key() + ": '"));
  }

  private static List<String> describe(List<Message> messages) {
    return messages.stream()
        .map(m -> m.severity() + " @ " + m.location() + " " + m.messageId() + ": " + m.text())
        .collect(Collectors.toList());
  }
}
