package dev.taskcheck.profiles;

import static dev.taskcheck.profiles.TaskJson.quantityOutput;
import static dev.taskcheck.profiles.TaskJson.ratio;
import static dev.taskcheck.profiles.TaskJson.ratioOutput;
import static dev.taskcheck.profiles.TaskJson.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every invariant of the packages, in every release, through HAPI's instance validator with the
 * TaskCheck Task profile: a Task that breaks one rule gets exactly that rule's key (and no other
 * key of ours), a Task that keeps it gets none. The "empty" cases check that the expressions are
 * empty-safe: a missing element neither fails a rule by accident nor lets a broken one pass.
 */
class InvariantBehaviourTest {

  /**
   * One Task: the clean Task with one change, and the only key of ours it must get (null: none).
   */
  record Case(
      String name, String expectedKey, Set<Release> releases, UnaryOperator<TaskJson> change) {}

  private static final Set<Release> ALL = EnumSet.allOf(Release.class);

  private static Case fails(String key, String name, UnaryOperator<TaskJson> change) {
    return new Case(name, key, ALL, change);
  }

  private static Case passes(String key, String name, UnaryOperator<TaskJson> change) {
    return new Case(key + ": " + name, null, ALL, change);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("the clean Task", null, ALL, t -> t));

    c.add(fails("status-1", "received without owner", t -> t.status("received").remove("owner")));
    c.add(
        fails(
            "status-1",
            "completed without owner",
            t ->
                t.status("completed")
                    .remove("owner")
                    .period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));
    c.add(passes("status-1", "received with owner", t -> t.status("received")));
    c.add(
        passes("status-1", "requested without owner", t -> t.status("requested").remove("owner")));
    // real data (the R5 spec's cpg-example-1, 98 gematik e-prescriptions, 14 IG examples): a ready
    // Task is
    // often open to any performer, so ready does not imply an owner
    c.add(passes("status-1", "ready without owner", t -> t.status("ready").remove("owner")));
    c.add(passes("status-1", "empty: no status and no owner", t -> t.remove("status", "owner")));

    c.add(
        fails("status-2", "in-progress without executionPeriod", t -> t.remove("executionPeriod")));
    c.add(
        fails(
            "status-2",
            "failed with an end but no start",
            t ->
                t.status("failed")
                    .statusReasonText("device broke")
                    .period(null, "2024-01-02T10:00:00Z")));
    c.add(
        passes(
            "status-2",
            "ready without executionPeriod",
            t -> t.status("ready").remove("executionPeriod")));
    c.add(
        passes(
            "status-2",
            "empty: no status and no executionPeriod",
            t -> t.remove("status", "executionPeriod")));

    c.add(fails("status-3", "completed without an end", t -> t.status("completed")));
    c.add(
        passes(
            "status-3",
            "completed with an end",
            t -> t.status("completed").period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));

    c.add(
        fails(
            "status-4",
            "in-progress with an end",
            t -> t.period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));
    c.add(
        fails(
            "status-4",
            "requested with an end",
            t -> t.status("requested").remove("owner").period(null, "2024-01-02T10:00:00Z")));
    c.add(
        passes(
            "status-4",
            "cancelled with an end",
            t ->
                t.status("cancelled")
                    .statusReasonText("withdrawn")
                    .period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));
    c.add(
        passes(
            "status-4",
            "not a status code (the binding error says so), an end",
            t -> t.status("done").period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));
    c.add(
        passes(
            "status-4",
            "empty: no status, an end",
            t -> t.remove("status").period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));

    c.add(
        fails(
            "status-5",
            "rejected with a start",
            t -> t.status("rejected").statusReasonText("no capacity")));
    c.add(
        passes(
            "status-5",
            "rejected without executionPeriod",
            t -> t.status("rejected").statusReasonText("no capacity").remove("executionPeriod")));

    c.add(
        fails(
            "status-6",
            "businessStatus coded from task-status",
            t ->
                t.set(
                    "businessStatus",
                    "{\"coding\": [{\"system\": \"http://hl7.org/fhir/task-status\", \"code\": \"in-progress\"}]}")));
    c.add(
        fails(
            "status-6",
            "businessStatus text is a status code, other case, padded",
            t -> t.set("businessStatus", "{\"text\": \"  In-Progress \"}")));
    c.add(
        fails(
            "status-6",
            "businessStatus text entered-in-error",
            t -> t.set("businessStatus", "{\"text\": \"entered-in-error\"}")));
    c.add(
        passes(
            "status-6",
            "businessStatus in its own words",
            t ->
                t.set(
                    "businessStatus",
                    "{\"coding\": [{\"system\": \"http://example.org/business-status\", \"code\": \"waiting-for-lab\","
                        + " \"display\": \"Waiting for the lab\"}], \"text\": \"Waiting for the lab\"}")));
    c.add(
        passes(
            "status-6",
            "empty: businessStatus coding without system",
            t -> t.set("businessStatus", "{\"coding\": [{\"code\": \"in-progress\"}]}")));
    c.add(
        passes(
            "status-6",
            "empty: businessStatus text without coding",
            t -> t.set("businessStatus", "{\"text\": \"specimen received\"}")));

    c.add(
        fails(
            "status-7",
            "basedOn and focus the same reference",
            t ->
                t.set(
                        "basedOn",
                        "[{\"reference\": \"ServiceRequest/sr1\"}, {\"reference\": \"CarePlan/cp1\"}]")
                    .set("focus", "{\"reference\": \"ServiceRequest/sr1\"}")));
    c.add(
        passes(
            "status-7",
            "basedOn and focus different",
            t ->
                t.set("basedOn", "[{\"reference\": \"ServiceRequest/sr1\"}]")
                    .set("focus", "{\"reference\": \"ServiceRequest/sr2\"}")));
    c.add(
        passes(
            "status-7",
            "empty: basedOn by identifier, focus by reference",
            t ->
                t.set("basedOn", "[{\"identifier\": {\"value\": \"sr1\"}}]")
                    .set("focus", "{\"reference\": \"ServiceRequest/sr1\"}")));
    c.add(
        passes(
            "status-7",
            "empty: both references absent, only a data-absent-reason extension",
            t ->
                t.set(
                        "basedOn",
                        "[{\"_reference\": {\"extension\": [{\"url\":"
                            + " \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\", \"valueCode\": \"unknown\"}]}}]")
                    .set(
                        "focus",
                        "{\"_reference\": {\"extension\": [{\"url\":"
                            + " \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\", \"valueCode\": \"unknown\"}]}}")));
    c.add(
        passes(
            "status-7",
            "empty: both display only",
            t ->
                t.set("basedOn", "[{\"display\": \"the order\"}]")
                    .set("focus", "{\"display\": \"the order\"}")));

    c.add(
        fails(
            "status-9",
            "completed without output",
            t ->
                t.status("completed")
                    .remove("output")
                    .period("2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")));
    c.add(passes("status-9", "in-progress without output", t -> t.remove("output")));

    c.add(fails("failure-2", "failed without statusReason", t -> t.status("failed")));
    c.add(
        fails(
            "failure-2",
            "rejected without statusReason",
            t -> t.status("rejected").remove("executionPeriod")));
    c.add(
        passes(
            "failure-2",
            "failed with statusReason",
            t -> t.status("failed").statusReasonText("device broke")));

    c.add(fails("failure-3", "on-hold without statusReason", t -> t.status("on-hold")));
    c.add(fails("failure-3", "cancelled without statusReason", t -> t.status("cancelled")));
    c.add(
        passes(
            "failure-3",
            "cancelled with statusReason",
            t -> t.status("cancelled").statusReasonText("withdrawn")));

    c.add(
        fails(
            "failure-4",
            "empty: statusReason coding without display or text",
            t ->
                t.status("on-hold")
                    .statusReasonConcept(
                        "{\"coding\": [{\"system\": \"http://example.org/reasons\", \"code\": \"r7\"}]}")));
    c.add(
        passes(
            "failure-4",
            "statusReason with text",
            t -> t.status("on-hold").statusReasonText("waiting")));
    c.add(
        passes(
            "failure-4",
            "statusReason coding with display",
            t ->
                t.status("on-hold")
                    .statusReasonConcept(
                        "{\"coding\": [{\"system\": \"http://example.org/reasons\", \"code\": \"r7\", \"display\": \"Waiting\"}]}")));
    c.add(
        new Case(
            "failure-4: R5 statusReason by reference",
            null,
            EnumSet.of(Release.R5),
            t ->
                t.status("on-hold")
                    .set("statusReason", "{\"reference\": {\"reference\": \"Observation/o1\"}}")));

    c.add(
        fails(
            "progress-11",
            "120 %",
            t ->
                t.outputs(
                    quantityOutput(
                        "{\"value\": 120, \"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"))));
    c.add(
        fails(
            "progress-11",
            "-5 % without system, after another output",
            t ->
                t.outputs(
                    ratioOutput(ratio(sessions("\"value\": 4"), sessions("\"value\": 10"))),
                    quantityOutput("{\"value\": -5, \"code\": \"%\"}"))));
    c.add(
        passes(
            "progress-11",
            "40 %",
            t ->
                t.outputs(
                    quantityOutput(
                        "{\"value\": 40, \"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"))));
    c.add(
        passes(
            "progress-11",
            "empty: % without a value",
            t ->
                t.outputs(
                    quantityOutput(
                        "{\"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"))));
    c.add(
        passes(
            "progress-11",
            "150 mg",
            t ->
                t.outputs(
                    quantityOutput(
                        "{\"value\": 150, \"unit\": \"mg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mg\"}"))));
    c.add(
        passes(
            "progress-11",
            "150 % of another code system",
            t ->
                t.outputs(
                    quantityOutput(
                        "{\"value\": 150, \"system\": \"http://example.org/units\", \"code\": \"%\"}"))));
    c.add(
        passes(
            "progress-11",
            "150 % as an input",
            t ->
                t.inputs(
                    quantityOutput(
                        "{\"value\": 150, \"unit\": \"%\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"%\"}"))));

    c.add(
        fails(
            "progress-1",
            "denominator 0",
            t ->
                t.outputs(ratioOutput(ratio(sessions("\"value\": 4"), sessions("\"value\": 0"))))));
    c.add(
        fails(
            "progress-1",
            "denominator -10, second output",
            t ->
                t.outputs(
                    "{\"type\": {\"text\": \"note\"}, \"valueString\": \"going well\"}",
                    ratioOutput(ratio(sessions("\"value\": 4"), sessions("\"value\": -10"))))));
    c.add(
        fails(
            "progress-1",
            "empty: no denominator",
            t -> t.outputs(ratioOutput(ratio(sessions("\"value\": 4"), null)))));
    c.add(
        fails(
            "progress-1",
            "empty: denominator without value",
            t ->
                t.outputs(
                    ratioOutput(ratio(sessions("\"value\": 4"), "{\"unit\": \"session\"}")))));
    c.add(
        passes(
            "progress-1",
            "a bad Ratio in an input is not a progress Ratio",
            t -> t.inputs(ratioOutput(ratio(sessions("\"value\": 4"), sessions("\"value\": 0"))))));

    c.add(
        fails(
            "progress-4",
            "numerator comparator",
            t ->
                t.outputs(
                    ratioOutput(
                        ratio(
                            sessions("\"value\": 4, \"comparator\": \"<\""),
                            sessions("\"value\": 10"))))));
    c.add(
        fails(
            "progress-4",
            "denominator comparator",
            t ->
                t.outputs(
                    ratioOutput(
                        ratio(
                            sessions("\"value\": 4"),
                            sessions("\"value\": 10, \"comparator\": \">=\""))))));
    return c;
  }

  @TestFactory
  Stream<DynamicNode> eachRuleInEachRelease() {
    return Stream.of(Release.values())
        .map(
            release ->
                DynamicContainer.dynamicContainer(
                    release.name(),
                    cases().stream()
                        .filter(c -> c.releases().contains(release))
                        .map(
                            c ->
                                DynamicTest.dynamicTest(
                                    c.expectedKey() == null
                                        ? "passes " + c.name()
                                        : c.expectedKey() + ": " + c.name(),
                                    () -> check(release, c)))));
  }

  private static void check(Release release, Case c) {
    String json = c.change().apply(TaskJson.clean(release)).json();
    List<TaskValidator.Message> messages = TaskValidator.of(release).withProfile(json);
    Set<String> ours = new TreeSet<>();
    messages.stream().filter(TaskValidator.Message::ours).forEach(m -> ours.add(m.key()));
    assertThat(ours)
        .as("keys of ours for %s (%s); all messages:%n%s%n%s", c.name(), release, messages, json)
        .isEqualTo(c.expectedKey() == null ? Set.of() : Set.of(c.expectedKey()));
  }
}
