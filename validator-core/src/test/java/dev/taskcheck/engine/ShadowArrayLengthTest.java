package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A primitive array and its {@code _name} array of different lengths is a structure-type error on
 * both engines, whichever is longer (issue 14 #7: a longer {@code _profile} crashed HL7 core, a
 * shorter one went unreported).
 */
class ShadowArrayLengthTest {

  private static List<String> issues(String engine, String text) {
    List<Result> results =
        TaskCheck.builder()
            .engine(engine)
            .fhirVersion(FhirRelease.R4)
            .build()
            .validateText(text, "shadow.json");
    return results.stream()
        .flatMap(r -> r.issues().stream())
        .map(ShadowArrayLengthTest::key)
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

  private static String task(String profiles, String shadows) {
    return "{\n  \"resourceType\": \"Task\",\n  \"meta\": {\n    \"profile\": "
        + profiles
        + ",\n    \"_profile\": "
        + shadows
        + "\n  },\n  \"status\": \"draft\",\n  \"intent\": \"order\",\n"
        + "  \"input\": [{\"type\": {\"text\": \"t\"}, \"valueHumanName\": {\n"
        + "    \"given\": [\"a\", \"b\"],\n    \"_given\": [{\"id\": \"g\"}]}}]\n}\n";
  }

  @Test
  void eitherLongerIsAFindingOnBothEnginesAndNothingCrashes() {
    for (String text :
        List.of(
            task("[\"http://example.org/a\"]", "[{\"id\": \"1\"}, {\"id\": \"2\"}]"),
            task("[\"http://example.org/a\", \"http://example.org/b\"]", "[{\"id\": \"1\"}]"))) {
      List<String> reference = issues("reference", text);

      assertThat(reference)
          .contains("structure-type error Task.meta.profile 4:5")
          .noneMatch(k -> k.startsWith("internal-error"));
      assertThat(issues("fast", text)).containsExactlyInAnyOrderElementsOf(reference);
    }
  }
}
