package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the reference engine's JSON parser drops is absent for the fast engine's invariants,
 * references and bindings too, and its messages inside a choice name the choice by its definition
 * (reference-behaviour.md §5 and §13; found in the mutation corpus). Each case states the finding
 * (rule id and expression) the fast engine must report, or must not, and both engines must agree.
 */
class ParserDropAgreementTest {

  private static final String HEAD =
      "{\"resourceType\":\"Task\",\"id\":\"t1\",\"text\":{\"status\":\"generated\",\"div\":\"<div"
          + " xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"},";
  private static final String NO_TEXT = "{\"resourceType\":\"Task\",\"id\":\"t1\",";

  private static Differential differential;
  private static TaskCheck fast;

  @BeforeAll
  static void engines() {
    differential = new Differential();
    fast =
        TaskCheck.builder()
            .engine("fast")
            .fhirVersion(FhirRelease.R4)
            .now(Differential.NOW)
            .threads(1)
            .build();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // text written as an array: no narrative for dom-6
        Arguments.of(
            NO_TEXT
                + "\"text\":[{\"status\":\"generated\",\"div\":\"<div"
                + " xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}],"
                + "\"status\":\"draft\",\"intent\":\"order\"}",
            "dom-6 Task",
            true),
        // owner written as an array: status-1 (an accepted Task has an owner) fires
        Arguments.of(
            HEAD
                + "\"status\":\"accepted\",\"intent\":\"order\",\"owner\":[{\"reference\":"
                + "\"Practitioner/p1\"}]}",
            "status-1 Task",
            true),
        // a Reference whose reference is an array has neither reference nor display
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"requester\":{\"reference\":"
                + "[\"Practitioner/p1\",\"Practitioner/p2\"]}}",
            "structure-reference Task.requester",
            true),
        // "_start": null drops the start: status-2 (in progress has a start) fires
        Arguments.of(
            HEAD
                + "\"status\":\"in-progress\",\"intent\":\"order\",\"owner\":{\"reference\":"
                + "\"Practitioner/p1\"},\"executionPeriod\":{\"start\":\"2024-01-10T08:30:00Z\","
                + "\"_start\":null}}",
            "status-2 Task",
            true),
        // {} does not exist for FHIRPath: status-1 fires
        Arguments.of(
            HEAD + "\"status\":\"accepted\",\"intent\":\"order\",\"owner\":{}}",
            "status-1 Task",
            true),
        // a parser message inside a choice value names value[x]
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"input\":[{\"type\":{\"text\":\"t\"},"
                + "\"valueReference\":{\"reference\":[\"Patient/1\",\"Patient/2\"]}}]}",
            "structure-type Task.input[0].value[x].reference",
            true),
        // an id alone is not content: ele-1 on the primitive
        Arguments.of(
            HEAD + "\"_status\":{\"id\":\"s\"},\"intent\":\"order\"}", "ele-1 Task.status", true),
        // ... and dom-6 passes then (HL7's deep equality is empty)
        Arguments.of(
            NO_TEXT + "\"_status\":{\"id\":\"s\"},\"intent\":\"order\"}", "dom-6 Task", false),
        // an empty resource id fails ele-1
        Arguments.of(
            "{\"resourceType\":\"Task\",\"id\":\"\",\"text\":{\"status\":\"generated\",\"div\":"
                + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"},"
                + "\"status\":\"draft\",\"intent\":\"order\"}",
            "ele-1 Task.id",
            true),
        // a repeating complex element given as a string: the array message only
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"code\":{\"coding\":"
                + "\"http://hl7.org/fhir/CodeSystem/task-code\"}}",
            "structure-type Task.code.coding[0]",
            false),
        // {"coding": []} has content: only the empty array is reported
        Arguments.of(
            HEAD + "\"status\":\"draft\",\"intent\":\"order\",\"code\":{\"coding\":[]}}",
            "structure-type Task.code",
            false),
        // meta written as an array: the unknown profile is reported on the resource
        Arguments.of(
            HEAD
                + "\"meta\":[{\"profile\":[\"http://example.org/StructureDefinition/x\"]}],"
                + "\"status\":\"draft\",\"intent\":\"order\"}",
            "structure-other Task",
            true),
        // an owner whose only content the parser drops does not exist: status-1 fires
        Arguments.of(
            HEAD
                + "\"status\":\"accepted\",\"intent\":\"order\",\"owner\":{\"reference\":"
                + "[\"Practitioner/p1\"]}}",
            "status-1 Task",
            true),
        // ... also when the parser drops it for "_reference": null
        Arguments.of(
            HEAD
                + "\"status\":\"accepted\",\"intent\":\"order\",\"owner\":{\"reference\":"
                + "\"Practitioner/p1\",\"_reference\":null}}",
            "structure-reference Task.owner",
            true),
        // a Quantity value that Java cannot read as a number fails ele-1 on the Quantity
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"input\":[{\"type\":{\"text\":"
                + "\"t\"},\"valueQuantity\":{\"value\":\"5,5\",\"unit\":\"mg\"}}]}",
            "ele-1 Task.input[0].value.ofType(Quantity)",
            true),
        // ... but not when it reads ("+5" is no FHIR decimal, yet a Java one)
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"input\":[{\"type\":{\"text\":"
                + "\"t\"},\"valueQuantity\":{\"value\":\"+5\",\"unit\":\"mg\"}}]}",
            "ele-1 Task.input[0].value.ofType(Quantity)",
            false),
        // an empty array of a repeating primitive is no values, and no finding
        Arguments.of(
            HEAD + "\"meta\":{\"profile\":[]},\"status\":\"draft\",\"intent\":\"order\"}",
            "structure-type Task.meta.profile",
            false),
        // an empty array for a single primitive is a wrong JSON type
        Arguments.of(
            HEAD + "\"status\":\"draft\",\"intent\":\"order\",\"description\":[]}",
            "structure-type Task.description",
            true),
        // ... for a single complex choice too, named by the choice
        Arguments.of(
            HEAD
                + "\"status\":\"draft\",\"intent\":\"order\",\"input\":[{\"type\":{\"text\":"
                + "\"t\"},\"valueCodeableConcept\":[]}]}",
            "structure-type Task.input[0].value[x]",
            true),
        // a div dropped for "_div": null is no narrative for dom-6
        Arguments.of(
            NO_TEXT
                + "\"text\":{\"status\":\"generated\",\"div\":\"<div"
                + " xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\",\"_div\":null},"
                + "\"status\":\"draft\",\"intent\":\"order\"}",
            "dom-6 Task",
            true));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fastReportsWhatTheReferenceEngineReports(String json, String finding, boolean reported) {
    List<String> keys =
        fast.validateText(json, "case.json").stream()
            .map(Result::issues)
            .flatMap(List::stream)
            .map(ParserDropAgreementTest::key)
            .toList();
    if (reported) {
      assertThat(keys).contains(finding);
    } else {
      assertThat(keys).doesNotContain(finding);
    }
    Differential.Outcome o = differential.compare("case.json", json, FhirRelease.R4);
    assertThat(o.covered()).as(o.reason()).isTrue();
    assertThat(o.missing()).as("missing on the fast engine").isEmpty();
    assertThat(o.extra()).as("extra on the fast engine").isEmpty();
  }

  private static String key(Issue i) {
    return i.ruleId() + " " + i.expression();
  }
}
