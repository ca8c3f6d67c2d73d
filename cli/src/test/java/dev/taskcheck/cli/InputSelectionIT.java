package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static dev.taskcheck.cli.CliReportSupport.resultsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which inputs a launch reads, and how they are located, in one launch with {@code --fhir-version
 * R4}:
 *
 * <ul>
 *   <li>{@code 'testdata/samples/*.json'} (quoted: the CLI expands it, no shell does) covers
 *       exactly the {@code .json} samples, in sorted order;
 *   <li>a glob that matches nothing gives a fatal {@code input-unreadable} result for the pattern
 *       and the run goes on;
 *   <li>{@code 'testdata/bad-input/**}{@code /t*.json'} also matches files directly in the base
 *       folder;
 *   <li>a Bundle with a broken Task (a test resource): issues inside it have {@code
 *       Bundle.entry[i].resource...} expressions and the positions of the file, the Patient is
 *       skipped;
 *   <li>{@code --fhir-version R4} reads the R5 sample as R4: its R5-only element is a {@code
 *       structure-unknown-element} error.
 * </ul>
 */
class InputSelectionIT {

  private static final String SAMPLES_GLOB = "testdata/samples/*.json";
  private static final String NO_MATCH = "testdata/samples/*.nomatch";
  private static final String GLOBSTAR = "testdata/bad-input/**/t*.json";

  private static String bundle;
  private static CliRun run;
  private static JsonNode report;

  @BeforeAll
  static void runGlobs() throws URISyntaxException {
    bundle =
        Path.of(
                Objects.requireNonNull(
                        InputSelectionIT.class.getResource("/it/bundle-with-broken-task.json"))
                    .toURI())
            .toString();
    run =
        taskcheck(
                "validate",
                "--fhir-version",
                "R4",
                "--format",
                "json",
                SAMPLES_GLOB,
                NO_MATCH,
                GLOBSTAR,
                bundle)
            .run();
    report = run.json();
  }

  private static List<String> sources() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    results(report).forEach(r -> s.add(r.path("source").asText()));
    return new ArrayList<>(s);
  }

  @Test
  void exitsWithOneWithoutAStackTrace() {
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
  }

  @Test
  void aQuotedGlobCoversExactlyTheJsonSamples() throws IOException {
    List<String> expected;
    try (Stream<Path> files = Files.list(CliProcessSupport.testdata().resolve("samples"))) {
      expected =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .map(n -> "testdata/samples/" + n)
              .toList();
    }
    assertThat(expected).hasSizeGreaterThan(3);
    List<String> fromSamples =
        sources().stream()
            .filter(s -> s.startsWith("testdata/samples/") && !s.equals(NO_MATCH))
            .toList();
    assertThat(fromSamples).containsExactlyElementsOf(expected);
    assertThat(sources())
        .noneMatch(s -> s.endsWith(".xml") || s.endsWith(".ndjson") || s.endsWith(".md"));
  }

  @Test
  void aGlobThatMatchesNothingIsAFatalUnreadableInputAndTheRunGoesOn() {
    assertThat(resultsFor(report, NO_MATCH))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("resource").isNull()).isTrue();
              assertThat(issues(r))
                  .extracting(i -> i.path("ruleId").asText() + " " + i.path("severity").asText())
                  .containsExactly("input-unreadable fatal");
            });
    List<String> sources = sources();
    assertThat(sources.indexOf(NO_MATCH))
        .as("results after the pattern")
        .isLessThan(sources.size() - 1);
  }

  @Test
  void aGlobstarAlsoMatchesFilesInItsBaseFolder() {
    assertThat(sources())
        .filteredOn(s -> s.startsWith("testdata/bad-input/"))
        .containsExactly(
            "testdata/bad-input/top-level-array.json", "testdata/bad-input/top-level-string.json",
            "testdata/bad-input/trailing-garbage.json", "testdata/bad-input/truncated.json");
  }

  @Test
  void issuesInsideABundleAreLocatedByEntry() {
    List<JsonNode> results = resultsFor(report, bundle);
    assertThat(results)
        .extracting(r -> r.path("location").asText() + " " + r.path("resource").asText())
        .containsExactly(
            "Bundle.entry[0].resource Task/it-task-ok",
            "Bundle.entry[2].resource Task/it-task-broken");
    // a Task in a Bundle starts at the line of its entry
    assertThat(results.get(0).path("line").asInt()).isEqualTo(6);
    assertThat(results.get(1).path("line").asInt()).isEqualTo(34);
    assertThat(issues(results.get(0))).noneMatch(CliReportSupport::isAtLeastError);
    assertThat(issues(results.get(1)))
        .extracting(CliReportSupport::brief)
        .containsExactlyInAnyOrder(
            "structure-binding error Bundle.entry[2].resource.status 43:9",
            "structure-unknown-element error Bundle.entry[2].resource.lastUpdated 45:9");
    // the Patients of this Bundle and of the samples' Bundle
    assertThat(report.path("summary").path("skipped").asLong()).isEqualTo(2);
  }

  @Test
  void fhirVersionR4ReadsTheR5SampleWithUnknownElements() {
    assertThat(report.path("fhirVersionSetting").asText()).isEqualTo("R4");
    assertThat(report.path("fhirVersion").asText()).isEqualTo("R4");
    assertThat(resultsFor(report, "testdata/samples/spec-r5-Task-example2.json"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("fhirVersion").asText()).isEqualTo("R4");
              assertThat(r.path("fhirVersionReason").asText()).isNotBlank();
              List<JsonNode> unknown =
                  issues(r).stream()
                      .filter(i -> i.path("ruleId").asText().equals("structure-unknown-element"))
                      .toList();
              assertThat(unknown)
                  .as(run.describe())
                  .isNotEmpty()
                  .allSatisfy(i -> assertThat(i.path("severity").asText()).isEqualTo("error"))
                  .anySatisfy(
                      i -> {
                        assertThat(i.path("expression").asText())
                            .isEqualTo("Task.requestedPerformer");
                        // the file is one line; the element's key starts at character 5676, its
                        // first value at 5698
                        // (columns count characters: the file has six two-byte characters before
                        // it)
                        assertThat(i.path("line").asInt()).isEqualTo(1);
                        assertThat(i.path("column").asInt()).isBetween(5676, 5698);
                      });
            });
    assertThat(report.path("summary").path("releases").path("R5").asLong()).isZero();
  }
}
