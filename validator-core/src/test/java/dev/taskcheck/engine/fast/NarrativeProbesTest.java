package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every JSON probe against what the reference engine reported for it
 * (testdata/probes/observed.json), for the narrative findings only: the narrative checks run on
 * every resource inside a Task, as the walker will run them.
 */
class NarrativeProbesTest {

  /**
   * The probes whose narrative the reference engine cannot read. observed.json was recorded before
   * "Error parsing XHTML" got its message id back (it then showed as structure-other without id);
   * the reference engine now reports it as structure-type with the id Error_parsing_XHTML_, as the
   * fast engine does.
   */
  private static final Set<String> UNREADABLE =
      Set.of("narrative/not-xml.json", "narrative/plain-text.json");

  @Test
  void sameNarrativeFindingsAsTheReferenceEngine() throws IOException {
    JsonNode observed =
        NarrativeTestSupport.JSON.readTree(Files.readString(TestData.path("probes/observed.json")));
    List<String> failures = new ArrayList<>();
    int probes = 0;
    int withFindings = 0;
    for (Map.Entry<String, JsonNode> probe : observed.properties()) {
      String name = probe.getKey();
      if (!name.endsWith(".json")) {
        continue;
      }
      List<String> expected = expected(name, probe.getValue());
      List<String> actual =
          NarrativeTestSupport.run(Files.readString(TestData.path("probes/" + name))).keys();
      probes++;
      if (!expected.isEmpty()) {
        withFindings++;
      }
      if (!actual.equals(expected)) {
        failures.add(name + "\n  expected " + expected + "\n  actual   " + actual);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(probes).isGreaterThan(600);
    assertThat(withFindings).isGreaterThanOrEqualTo(32);
  }

  private static List<String> expected(String probe, JsonNode findings) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : findings) {
      String ruleId = f.get("ruleId").asText();
      String messageId = f.get("messageId").isNull() ? null : f.get("messageId").asText();
      String expression = f.get("expression").isNull() ? null : f.get("expression").asText();
      boolean narrative =
          ruleId.equals("txt-1")
              || ruleId.equals("txt-2")
              || (messageId != null && NarrativeTestSupport.MESSAGE_IDS.contains(messageId))
              || (messageId == null
                  && ruleId.equals("structure-other")
                  && expression != null
                  && expression.endsWith("text.div"));
      if (!narrative) {
        continue;
      }
      if (messageId == null && UNREADABLE.contains(probe)) {
        ruleId = "structure-type";
        messageId = "Error_parsing_XHTML_";
      }
      out.add(
          ruleId
              + " | "
              + f.get("severity").asText()
              + " | "
              + expression
              + " | "
              + f.get("line").asInt()
              + ":"
              + f.get("column").asInt()
              + " | "
              + messageId);
    }
    return out.stream().sorted().toList();
  }
}
