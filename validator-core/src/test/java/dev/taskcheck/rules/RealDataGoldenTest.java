package dev.taskcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.GoldenFile;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The whole catalog over every real Task in {@code testdata/corpus} (spec examples, IG examples,
 * the IBM suite, the gematik scenarios, the HL7 test cases), each in the release INDEX.tsv gives
 * it. The catalog findings are kept in {@code testdata/golden/rules-real-data.tsv}, reviewed by
 * hand; this test keeps the file current, so any change in what the rules say about real data shows
 * in a diff. To regenerate: {@code ./mvnw -pl validator-core test -Dtest=RealDataGoldenTest
 * -Dtaskcheck.updateGolden=true}.
 */
class RealDataGoldenTest {

  private static final Path CORPUS = TestData.path("corpus");
  private static final Path GOLDEN = TestData.path("golden").resolve("rules-real-data.tsv");
  private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

  /** Files left out, with why (an explicit list rather than a silent skip). */
  private static final Map<String, String> LEFT_OUT =
      Map.of(
          "R6 ci-build",
          "R6 is not a release TaskCheck supports yet (Task.focus.valueReference exists only there)");

  @Test
  void catalogFindingsOnRealDataMatchTheReviewedGolden() throws IOException {
    Map<FhirRelease, List<String>> byRelease = new EnumMap<>(FhirRelease.class);
    List<String> index = Files.readAllLines(CORPUS.resolve("INDEX.tsv"));
    for (String line : index.subList(1, index.size())) {
      String[] f = line.split("\t", -1);
      String version = f[4];
      if (LEFT_OUT.containsKey(version) || f[5].equals("0")) {
        continue;
      }
      FhirRelease release = FhirRelease.parse(version.substring(0, version.indexOf(' ')).trim());
      byRelease
          .computeIfAbsent(release, r -> new ArrayList<>())
          .add(CORPUS.resolve(f[0]).toString());
    }
    TreeSet<String> rows = new TreeSet<>();
    int tasks = 0;
    for (Map.Entry<FhirRelease, List<String>> e : byRelease.entrySet()) {
      Report report =
          TaskCheck.builder()
              .fhirVersion(e.getKey())
              .now(NOW)
              .build()
              .validate(ValidationRequest.builder().inputs(e.getValue()).build());
      tasks += (int) report.summary().resources();
      for (Result r : report.results()) {
        for (Issue i : r.issues()) {
          if (RuleCatalog.find(i.ruleId()) != null) {
            rows.add(
                String.join(
                    "\t",
                    i.ruleId(),
                    i.severity().code(),
                    CORPUS.relativize(Path.of(r.source())).toString(),
                    String.valueOf(r.resource()),
                    String.valueOf(i.expression())));
          }
        }
      }
    }
    assertThat(tasks).as("real Tasks checked").isGreaterThan(400);
    StringBuilder b = new StringBuilder("rule\tseverity\tfile\tresource\texpression\n");
    rows.forEach(r -> b.append(r).append('\n'));
    GoldenFile.assertCurrent(
        GOLDEN,
        b.toString(),
        "taskcheck.updateGolden",
        "./mvnw -pl validator-core test -Dtest=RealDataGoldenTest -Dtaskcheck.updateGolden=true");
  }
}
