package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A versioned core profile in meta.profile ({@code ...StructureDefinition/Task|4.0.1}, the README's
 * way to pick a release) picks that release and is no unknown profile, on both engines (issue 14
 * #16).
 */
class VersionedCoreProfileTest {

  private static String task(String version) {
    return "{\n  \"resourceType\": \"Task\",\n  \"meta\": {\"profile\": ["
        + "\"http://hl7.org/fhir/StructureDefinition/Task|"
        + version
        + "\"]},\n  \"status\": \"draft\",\n  \"intent\": \"order\"\n}\n";
  }

  @Test
  void aVersionedCoreProfilePicksTheReleaseWithoutAWarning() {
    for (String engine : List.of("reference", "fast")) {
      for (String[] v : new String[][] {{"4.0.1", "R4"}, {"4.3.0", "R4B"}, {"5.0.0", "R5"}}) {
        List<Result> results =
            TaskCheck.builder().engine(engine).build().validateText(task(v[0]), "versioned.json");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).fhirVersion().code()).as(engine + " " + v[0]).isEqualTo(v[1]);
        assertThat(results.get(0).issues())
            .as(engine + " " + v[0])
            .extracting(Issue::ruleId)
            .doesNotContain("structure-other", "internal-error");
      }
    }
  }
}
