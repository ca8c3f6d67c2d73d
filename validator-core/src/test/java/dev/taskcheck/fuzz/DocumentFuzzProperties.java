package dev.taskcheck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

  private static final List<String> SEEDS = seeds();

  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          "\"",
          ",",
          ":",
          "null",
          "true",
          "\"x\"",
          "1e999999",
          "-0",
          "12345678901234567890123456789",
          "\\u0000",
          "\\ud800",
          "\u0000",
          "\uFEFF",
          "\u202E",
          "\"resourceType\":\"Task\",",
          "\"resourceType\":\"Patient\",",
          "\"_status\":{},",
          "\"status\":",
          "\"contained\":[",
          "\"extension\":[{\"url\":\"x\"}],",
          "<",
          ">",
          "&",
          "&amp;",
          "&x;",
          "<!DOCTYPE x>",
          "<![CDATA[x]]>",
          "<?pi x?>",
          "<status value=\"\"/>",
          "<extension url=\"u\">",
          "xmlns=\"http://hl7.org/fhir\"",
          "é",
          "𝄞");

  private static List<String> seeds() {
    List<String> out = new ArrayList<>();
    try {
      for (Path p : TestData.files("samples")) {
        if (p.toString().endsWith(".json")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      for (Path p : TestData.files("corpus/spec-r4")) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      for (Path p : TestData.files("corpus/fhir-test-cases/spec-r6-invariant-tests")) {
        if (p.toString().endsWith(".xml")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      for (Path p : TestData.files("corpus/ig/mii-dsf-process-data-sharing")) {
        if (p.toString().endsWith(".xml")) {
          out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** One change to a document: its kind, where (a fraction of the length), and what. */
  record Mutation(int kind, double at, double to, String token, int repeat) {

    String apply(String text) {
      if (text.isEmpty()) {
        return token;
      }
      int i = (int) (at * text.length());
      int j = Math.min(text.length(), i + 1 + (int) (to * Math.min(200, text.length() - i)));
      return switch (kind) {
        case 0 -> text.substring(0, i); // truncation
        case 1 -> text.substring(0, i) + text.substring(j); // deletion
        case 2 -> text.substring(0, i) + token.repeat(repeat) + text.substring(i); // stray tokens
        case 3 -> text.substring(0, i) + text.substring(i, j) + text.substring(i); // duplication
        case 4 -> // deep nesting around a value
            text.substring(0, i)
                + (text.startsWith("<") ? "<extension url=\"u\">" : "{\"a\":[").repeat(repeat * 40)
                + text.substring(i);
        default -> text.substring(0, i) + token + text.substring(j); // replacement
      };
    }
  }

  @Provide
  Arbitrary<String> mutatedTasks() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(TOKENS),
                Arbitraries.integers().between(1, 8))
            .as(Mutation::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, SEEDS.size() - 1),
            mutation.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (seed, mutations) -> {
              String text = SEEDS.get(seed);
              for (Mutation m : mutations) {
                text = m.apply(text);
              }
              return text;
            });
  }

  private static void assertWellFormed(List<Result> results, String engine) {
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
