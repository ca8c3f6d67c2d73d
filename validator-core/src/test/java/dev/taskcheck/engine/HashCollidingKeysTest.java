package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key with the same {@link String#hashCode} as an element name is an unknown key, and the element
 * it imitates is missing, on both engines alike (issue 14 #1: the HL7 JSON parser found properties
 * by hash alone, so the reference engine took {@code "tUatus"} for {@code status}).
 */
class HashCollidingKeysTest {

  /** A string of the same length and hash: for two chars a,b, "ab" and (a+1)(b-31) collide. */
  static String collider(String name) {
    String c = (char) (name.charAt(0) + 1) + "" + (char) (name.charAt(1) - 31) + name.substring(2);
    assertThat(c).isNotEqualTo(name).hasSameHashCodeAs(name);
    return c;
  }

  private static List<String> issues(String engine, String text) {
    List<Result> results =
        TaskCheck.builder()
            .engine(engine)
            .fhirVersion(FhirRelease.R4)
            .build()
            .validateText(text, "collide.json");
    return results.stream()
        .flatMap(r -> r.issues().stream())
        .map(HashCollidingKeysTest::key)
        .distinct()
        .toList();
  }

  private static String key(Issue i) {
    return i.ruleId()
        + " "
        + i.severity().code()
        + " "
        + i.expression()
        + " "
        + i.line()
        + ":"
        + i.column();
  }

  private static String task(String status, String intent, String more) {
    return "{\n  \"resourceType\": \"Task\",\n  \""
        + status
        + "\": \"draft\",\n  \""
        + intent
        + "\": \"order\""
        + more
        + "\n}\n";
  }

  @Test
  void aKeyCollidingWithARequiredElementIsUnknownAndTheElementMissing() {
    String status = collider("status");
    String intent = collider("intent");
    for (String engine : List.of("reference", "fast")) {
      assertThat(issues(engine, task(status, "intent", "")))
          .as(engine)
          .contains(
              "structure-unknown-element error Task." + status + " 3:3",
              "structure-cardinality error Task.status 1:1");
      assertThat(issues(engine, task("status", intent, "")))
          .as(engine)
          .contains(
              "structure-unknown-element error Task." + intent + " 4:3",
              "structure-cardinality error Task.intent 1:1");
    }
  }

  @Test
  void collidingKeysBesideTheRealOnesAndInsideDataTypes() {
    String more =
        ",\n  \""
            + collider("status")
            + "\": \"x\",\n  \""
            + collider("input")
            + "\": 5,\n  \""
            + collider("owner")
            + "\": {\"display\": \"a\"},\n  \"code\": {\""
            + collider("text")
            + "\": \"t\", \"text\": \"u\"},\n  \"for\": {\""
            + collider("display")
            + "\": \"p\"}";
    String text = task("status", "intent", more);
    List<String> reference = issues("reference", text);
    assertThat(reference)
        .contains(
            "structure-unknown-element error Task." + collider("status") + " 5:3",
            "structure-unknown-element error Task." + collider("input") + " 6:3",
            "structure-unknown-element error Task." + collider("owner") + " 7:3",
            "structure-unknown-element error Task.code." + collider("text") + " 8:12",
            "structure-unknown-element error Task.for." + collider("display") + " 9:11")
        .noneMatch(k -> k.startsWith("structure-type") || k.startsWith("structure-cardinality"));
    assertThat(issues("fast", text)).containsExactlyInAnyOrderElementsOf(reference);
  }
}
