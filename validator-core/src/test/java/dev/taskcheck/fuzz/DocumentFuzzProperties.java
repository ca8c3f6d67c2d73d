package dev.taskcheck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the whole library (issue 14, point 4): real Tasks in JSON and XML,
 * mutated at the character and token level (truncation, deletion, stray tokens, duplicated slices,
 * deep nesting, odd numbers and characters, DOCTYPEs), validated by both engines. Whatever the
 * input: no exception escapes, no document is an internal error, and every finding has a line and
 * column.
 *
 * <p>Tries per property: {@code jqwik.tries.default} in {@code junit-platform.properties} (a short
 * campaign in every build), {@code -Djqwik.tries.default=N} for a longer one. A failure prints its
 * seed and the shrunk input; see docs/fuzzing.md for turning it into a regression test.
 */
class DocumentFuzzProperties {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final TaskCheck FAST = TaskCheck.builder().engine("fast").now(NOW).build();
  private static final TaskCheck REFERENCE =
      TaskCheck.builder().engine("reference").now(NOW).build();

  @Provide
  Arbitrary<String> mutatedTasks() {
    return FuzzInputs.mutatedTasks();
  }

  static void assertWellFormed(List<Result> results, String engine) {
    assertThat(results).as(engine + ": a result").isNotEmpty();
    for (Result r : results) {
      for (Issue i : r.issues()) {
        assertThat(i.ruleId()).as(engine + ": " + i).isNotEqualTo("internal-error");
        assertThat(i.line()).as(engine + ": line of " + i).isNotNull().isPositive();
        if (!i.ruleId().equals("input-unreadable")) {
          // input-level findings (an encoding, a line too long) name the line only
          assertThat(i.column()).as(engine + ": column of " + i).isNotNull().isPositive();
        }
      }
    }
  }

  @Property
  void theFastEngineGivesLocatedFindingsForAnyInput(@ForAll("mutatedTasks") String document) {
    assertWellFormed(FAST.validateText(document, "fuzz"), "fast");
  }

  @Property
  void theReferenceEngineGivesLocatedFindingsForAnyInput(@ForAll("mutatedTasks") String document) {
    assertWellFormed(REFERENCE.validateText(document, "fuzz"), "reference");
  }
}
