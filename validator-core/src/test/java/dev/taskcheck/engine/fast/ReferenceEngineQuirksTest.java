package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the reference engine is wrong and the fast engine does not follow it: the reasons behind
 * the entries of testdata/differential/allow-list.tsv, shown on the engines themselves.
 */
class ReferenceEngineQuirksTest {

  private static final String DOUBLE_SLASH =
      """
      {
        "resourceType": "Task",
        "id": "double-slash",
        "status": "requested",
        "intent": "order",
        "for": { "reference": "Patient//1" }
      }
      """;

  /** The first input item is null, the second has a coding of a code system unknown offline. */
  private static final String NULL_ITEM =
      """
      {
        "resourceType": "Task",
        "id": "null-item",
        "status": "requested",
        "intent": "order",
        "input": [
          null,
          {
            "type": { "coding": [ { "system": "http://example.org/input-types", "code": "a" } ] },
            "valueString": "x"
          }
        ]
      }
      """;

  /** A repeating element written as one object, with an empty {@code _value}. */
  private static final String OBJECT_FOR_ARRAY =
      """
      {
        "resourceType": "Task",
        "id": "object-for-array",
        "status": "requested",
        "intent": "order",
        "identifier": { "value": "1", "_value": {} }
      }
      """;

  private static List<String> keys(String engine, String text) {
    return issues(engine, text).stream()
        .map(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .toList();
  }

  private static List<Issue> issues(String engine, String text) {
    List<Result> results =
        TaskCheck.builder()
            .engine(engine)
            .fhirVersion(FhirRelease.R4)
            .build()
            .validateText(text, "double-slash.json");
    assertThat(results).hasSize(1);
    return results.get(0).issues();
  }

  @Test
  void aReferenceWithAnEmptySegmentCrashesTheHl7Validator() {
    assertThat(issues("reference", DOUBLE_SLASH))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo("internal-error");
              assertThat(i.severity()).isEqualTo(Severity.FATAL);
            });
    assertThat(issues("fast", DOUBLE_SLASH))
        .extracting(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .contains("structure-reference warning Task.for")
        .noneMatch(k -> k.startsWith("internal-error"));
  }

  /** Slashes only: the fast engine failed on them too, where the HL7 validator fails. */
  @Test
  void aReferenceOfSlashesOnlyIsSuspiciousNotAFailure() {
    for (String ref : List.of("/", "//", "///")) {
      String text = DOUBLE_SLASH.replace("Patient//1", ref);
      assertThat(keys("fast", text))
          .as(ref)
          .contains("structure-reference warning Task.for")
          .noneMatch(k -> k.startsWith("internal-error"));
    }
  }

  /**
   * The HL7 parser drops a null (or primitive) item of an object array and numbers the items after
   * it by what it kept, so a finding about the second JSON item is reported at {@code input[0]};
   * the reference engine then places it at the {@code input} property, as {@code input[0]} has no
   * {@code type}. The fast engine names the item where it is.
   */
  @Test
  void anItemAfterADroppedOneIsNamedByItsPositionAmongTheKeptOnes() {
    // a null item, and a boolean or a number in place of an object
    // (wrong-json-type/object-to-boolean, object-to-number)
    for (String text :
        List.of(NULL_ITEM, NULL_ITEM.replace("null,", "true,"), NULL_ITEM.replace("null,", "5,"))) {
      assertThat(keys("reference", text))
          .contains("structure-other warning Task.input[0].type")
          .doesNotContain("structure-other warning Task.input[1].type");
      assertThat(keys("fast", text))
          .contains("structure-other warning Task.input[1].type")
          .doesNotContain("structure-other warning Task.input[0].type");
    }
  }

  /**
   * Inside a repeating element written as one object, the HL7 parser's own messages leave out the
   * item's index ({@code Task.identifier.value}); the fast engine names the item.
   */
  @Test
  void parserMessagesInsideAnObjectForAnArrayHaveNoIndex() {
    assertThat(keys("reference", OBJECT_FOR_ARRAY))
        .contains("structure-type error Task.identifier.value");
    assertThat(keys("fast", OBJECT_FOR_ARRAY))
        .contains("structure-type error Task.identifier[0].value")
        .doesNotContain("structure-type error Task.identifier.value");
  }
}
