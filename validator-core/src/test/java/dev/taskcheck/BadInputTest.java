package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file of {@code testdata/bad-input} in one run, with each structure engine: each gives one
 * fatal issue with its position and the run goes on to the valid Task after them.
 */
class BadInputTest {

  /** One run per engine, made when a test first needs it. */
  private static final Map<EngineChoice, Report> REPORTS = new EnumMap<>(EngineChoice.class);

  /** file -> line:column of its single fatal issue, from testdata/bad-input/expected.tsv. */
  private static final Map<String, String> EXPECTED =
      dev.taskcheck.testdata.BadInputs.expectedPositions(TestData.path("bad-input"));

  private static synchronized Report report(EngineChoice engine) {
    return REPORTS.computeIfAbsent(
        engine,
        e -> {
          ValidationRequest.Builder b = ValidationRequest.builder();
          EXPECTED.keySet().stream()
              .sorted()
              .forEach(f -> b.input(TestData.path("bad-input/" + f)));
          b.input(TestData.path("bad-input/ndjson-mixed.ndjson"));
          b.input(TestData.path("fixtures/structure/valid-r4.json"));
          return TaskCheck.builder()
              .fhirVersion(FhirRelease.R4)
              .engine(e)
              .build()
              .validate(b.build());
        });
  }

  private static List<Result> resultsFor(EngineChoice engine, String file) {
    return report(engine).results().stream().filter(r -> r.source().endsWith("/" + file)).toList();
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void eachBadFileGivesOneFatalParseIssueAtItsPosition(EngineChoice engine) {
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      List<Result> rs = resultsFor(engine, e.getKey());
      assertThat(rs).as(e.getKey()).hasSize(1);
      Result r = rs.get(0);
      assertThat(r.resource()).as(e.getKey()).isNull();
      assertThat(r.issues())
          .as(e.getKey())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.ruleId()).isEqualTo("structure-parse");
                assertThat(i.severity()).isEqualTo(Severity.FATAL);
                assertThat(i.source()).isEqualTo(IssueSource.PARSER);
                assertThat(i.line() + ":" + i.column()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(i.message()).isNotBlank();
              });
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void xmlEntitiesAreRefusedAndNeverExpanded(EngineChoice engine) {
    for (String f : List.of("doctype.xml", "xxe.xml", "xxe-remote.xml")) {
      Issue i = resultsFor(engine, f).get(0).issues().get(0);
      assertThat(i.type()).isEqualTo("security");
      assertThat(i.message()).contains("DOCTYPE").doesNotContain("root:");
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void ndjsonLinesAreIndependentDocuments(EngineChoice engine) {
    List<Result> rs = resultsFor(engine, "ndjson-mixed.ndjson");
    assertThat(rs).extracting(Result::line).containsExactly(1, 2, 5);
    assertThat(rs.get(0).resource()).isEqualTo("Task/ndjson-line-1");
    assertThat(rs.get(1).issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo("structure-parse");
              assertThat(i.line()).isEqualTo(2);
              assertThat(i.column()).isEqualTo(394);
            });
    assertThat(rs.get(2).resource()).isEqualTo("Task/ndjson-line-5");
    for (Result r : List.of(rs.get(0), rs.get(2))) {
      assertThat(r.issues()).filteredOn(i -> i.severity().isAtLeast(Severity.ERROR)).isEmpty();
      assertThat(r.issues()).allSatisfy(i -> assertThat(i.line()).isEqualTo(r.line()));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void theRunGoesOnAndCountsEverything(EngineChoice engine) {
    Report report = report(engine);
    Result last = report.results().get(report.results().size() - 1);
    assertThat(last.source()).endsWith("valid-r4.json");
    assertThat(last.issues()).isEmpty();
    Summary s = report.summary();
    assertThat(s.inputs()).isEqualTo(EXPECTED.size() + 2);
    assertThat(s.fatal()).isEqualTo(EXPECTED.size() + 1);
    assertThat(s.resources()).isEqualTo(3);
    assertThat(s.skipped()).isEqualTo(1);
    Map<String, Long> perSource =
        report.results().stream()
            .collect(Collectors.groupingBy(Result::source, Collectors.counting()));
    assertThat(perSource).hasSize(EXPECTED.size() + 2);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void validateTextNamesItsSource(EngineChoice engine) {
    List<Result> rs =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4)
            .engine(engine)
            .build()
            .validateText("[1,2]", "inline");
    assertThat(rs)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo("inline");
              assertThat(r.issues().get(0).ruleId()).isEqualTo("structure-parse");
            });
  }
}
