package dev.taskcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.Result;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing with Jazzer (issue 14, point 4): raw bytes, as a file or standard input
 * would give them, through the whole library (encoding detection, JSON/XML/NDJSON parsing, both
 * structure engines, the rules), with the invariants of {@link DocumentFuzzProperties}: no
 * exception escapes, no internal error, every finding located.
 *
 * <p>In every build ("regression mode") each method runs once per file of its seed folder, {@code
 * src/test/resources/dev/taskcheck/fuzz/CoverageGuidedFuzzTestInputs/<method>/}: real Tasks, and
 * every input a campaign found to break TaskCheck (Jazzer writes a {@code crash-*} file there; keep
 * it, it is the regression test). A campaign is started with {@code JAZZER_FUZZ=1}; see
 * docs/fuzzing.md. Tagged {@code jazzer}: the build runs it in a JVM of its own (Jazzer's agent
 * instruments the whole JVM), see validator-core/pom.xml.
 */
@Tag("jazzer")
class CoverageGuidedFuzzTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final TaskCheck FAST = TaskCheck.builder().engine("fast").now(NOW).build();
  private static final TaskCheck REFERENCE =
      TaskCheck.builder().engine("reference").now(NOW).build();

  @FuzzTest(maxDuration = "10m")
  void fastEngine(byte[] input) {
    DocumentFuzzProperties.assertWellFormed(validate(FAST, input), "fast");
  }

  @FuzzTest(maxDuration = "10m")
  void referenceEngine(byte[] input) {
    DocumentFuzzProperties.assertWellFormed(validate(REFERENCE, input), "reference");
  }

  private static List<Result> validate(TaskCheck taskCheck, byte[] input) {
    List<Result> results = new ArrayList<>();
    taskCheck.validate(
        ValidationRequest.builder().input("-").stdin(() -> new ByteArrayInputStream(input)).build(),
        results::add);
    return results;
  }
}
