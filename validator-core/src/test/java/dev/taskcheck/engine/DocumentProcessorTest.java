package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunTotals;
import dev.taskcheck.model.Severity;
import dev.taskcheck.source.RawDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Routing, ordering and failure handling of the pipeline, with stages that need no FHIR
 * definitions.
 */
class DocumentProcessorTest {

  private static final String BUNDLE =
      """
      {"resourceType": "Bundle", "id": "b1", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient", "id": "p1"}},
        {"fullUrl": "urn:uuid:t1", "resource": {"resourceType": "Task", "id": "t1", "meta": {"versionId": "2"}}},
        {"fullUrl": "urn:uuid:t2", "resource": {"resourceType": "Task", "id": "t2"}},
        {"resource": {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Task", "id": "t3"}}]}}
      ]}""";

  private static Issue issue(String expression, Severity severity) {
    return new Issue(
        "x-1", severity, "processing", expression, null, null, "m", IssueSource.STRUCTURE, null);
  }

  /** A stage that reports the given issues for every document. */
  private record Fixed(List<Issue> issues) implements Stage {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public void check(DocumentUnit unit, IssueSink sink) {
      issues.forEach(sink::add);
    }
  }

  /** A stage that runs {@code body}. */
  private static Stage stage(java.util.function.BiConsumer<DocumentUnit, IssueSink> body) {
    return new Stage() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public void check(DocumentUnit unit, IssueSink sink) {
        body.accept(unit, sink);
      }
    };
  }

  private static RawDocument doc(String text) {
    return new RawDocument("in.json", 1, text.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void issuesLandOnTheTaskTheyConcern() {
    Stage stage =
        new Fixed(
            List.of(
                issue("Bundle.entry[1].resource.status", Severity.ERROR),
                issue("Bundle.entry[1].fullUrl", Severity.WARNING),
                issue("Bundle.entry[2].resource", Severity.INFORMATION),
                issue("Bundle.entry[0].resource.gender", Severity.ERROR),
                issue("Bundle.entry[3].resource.entry[0].resource.status", Severity.ERROR),
                issue("Bundle.type", Severity.WARNING)));
    Processed p =
        new DocumentProcessor(List.of(stage), FhirRelease.R4, t -> {}).process(doc(BUNDLE));
    assertThat(p.resources()).isEqualTo(3);
    assertThat(p.skipped()).isEqualTo(1);
    assertThat(p.results())
        .extracting(Result::resource)
        .containsExactly("Task/t1", "Task/t2", "Task/t3");
    Result t1 = p.results().get(0);
    assertThat(t1.location()).isEqualTo("Bundle.entry[1].resource");
    assertThat(t1.versionId()).isEqualTo("2");
    assertThat(t1.line()).as("the entry's line").isEqualTo(3);
    assertThat(t1.issues())
        .extracting(Issue::expression)
        .containsExactlyInAnyOrder("Bundle.entry[1].resource.status", "Bundle.entry[1].fullUrl");
    assertThat(p.results().get(1).issues())
        .extracting(Issue::expression)
        .containsExactly("Bundle.entry[2].resource");
    assertThat(p.results().get(2).location())
        .isEqualTo("Bundle.entry[3].resource.entry[0].resource");
    assertThat(p.results().get(2).issues()).hasSize(1);
  }

  @Test
  void bundleLevelErrorsGetAResultOfTheirOwn() {
    Stage stage = new Fixed(List.of(issue("Bundle", Severity.ERROR)));
    Processed p =
        new DocumentProcessor(List.of(stage), FhirRelease.R4, t -> {}).process(doc(BUNDLE));
    assertThat(p.results()).hasSize(4);
    assertThat(p.results().get(0).resource()).isEqualTo("Bundle/b1");
    assertThat(p.results().get(0).issues()).hasSize(1);
  }

  @Test
  void aTaskDocumentKeepsEveryIssue() {
    Stage stage =
        new Fixed(
            List.of(
                issue("Task.status", Severity.ERROR), issue("Something.odd", Severity.WARNING)));
    Processed p =
        new DocumentProcessor(List.of(stage), null, t -> {})
            .process(doc("{\"resourceType\":\"Task\",\"id\":\"a\"}"));
    assertThat(p.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.issues()).hasSize(2);
              assertThat(r.fhirVersion()).isEqualTo(FhirRelease.R4);
              assertThat(r.fhirVersionReason()).contains("default");
            });
  }

  @Test
  void aDocumentWithoutTasksIsCountedNotReported() {
    Processed p =
        new DocumentProcessor(List.of(), null, t -> {})
            .process(doc("{\"resourceType\":\"Patient\",\"id\":\"p\"}"));
    assertThat(p.results()).isEmpty();
    assertThat(p.documents()).isEqualTo(1);
    assertThat(p.skipped()).isEqualTo(1);
  }

  @Test
  void aFailingStageBecomesAnInternalErrorAndIsReported() {
    List<Throwable> seen = new ArrayList<>();
    Stage broken =
        stage(
            (unit, sink) -> {
              throw new IllegalStateException("boom");
            });
    Processed p =
        new DocumentProcessor(List.of(broken), null, seen::add)
            .process(doc("{\"resourceType\":\"Task\",\"id\":\"a\"}"));
    assertThat(seen).hasSize(1);
    assertThat(p.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.issues())
                  .singleElement()
                  .satisfies(
                      i -> {
                        assertThat(i.ruleId()).isEqualTo(StructureIds.INTERNAL);
                        assertThat(i.severity()).isEqualTo(Severity.FATAL);
                      });
            });
  }

  @Test
  void resultsArriveInInputOrderFromManyThreads() throws InterruptedException {
    int n = 500;
    // a stage that takes longer on some documents, so that they finish out of order
    Stage slow =
        stage(
            (unit, sink) -> {
              if (unit.document().firstLine() % 7 == 0) {
                try {
                  Thread.sleep(3);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    DocumentProcessor processor = new DocumentProcessor(List.of(slow), FhirRelease.R4, t -> {});
    List<Integer> lines = new CopyOnWriteArrayList<>();
    RunTotals totals;
    try {
      totals =
          PipelineRuns.run(
              processor, 4, PipelineRuns.tasks(n), "test", result -> lines.add(result.line()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(lines).hasSize(n).isSorted();
    assertThat(totals.summary().resources()).isEqualTo(n);
    assertThat(totals.summary().documents()).isEqualTo(n);
    assertThat(totals.summary().releases()).containsEntry(FhirRelease.R4, (long) n);
    assertThat(totals.timings().firstResultMillis()).isNotNull();
  }

  /** A stage that names {@code engine} as the one that checked every document. */
  private static Stage checkedBy(String engine) {
    return stage((unit, sink) -> sink.checkedBy(engine));
  }

  @Test
  void everyResultOfADocumentNamesTheEngineThatCheckedIt() {
    Stage structure =
        stage(
            (unit, sink) -> {
              sink.add(issue("Bundle", Severity.ERROR));
              sink.checkedBy(Result.ENGINE_FAST);
            });
    Processed p =
        new DocumentProcessor(List.of(structure, new Fixed(List.of())), FhirRelease.R4, t -> {})
            .process(doc(BUNDLE));

    assertThat(p.results())
        .extracting(Result::resource, Result::engine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bundle/b1", "fast"),
            org.assertj.core.groups.Tuple.tuple("Task/t1", "fast"),
            org.assertj.core.groups.Tuple.tuple("Task/t2", "fast"),
            org.assertj.core.groups.Tuple.tuple("Task/t3", "fast"));
    assertThat(p.engine()).isEqualTo("fast");
  }

  @Test
  void theLastEngineNamedWins() {
    Processed p =
        new DocumentProcessor(
                List.of(checkedBy(Result.ENGINE_FAST), checkedBy(Result.ENGINE_REFERENCE)),
                null,
                t -> {})
            .process(doc("{\"resourceType\":\"Task\",\"id\":\"a\"}"));

    assertThat(p.results()).singleElement().extracting(Result::engine).isEqualTo("reference");
    assertThat(p.engine()).isEqualTo("reference");
  }

  @Test
  void withoutAStructureEngineTheResultsNameNone() {
    Processed p =
        new DocumentProcessor(
                List.of(new Fixed(List.of(issue("Task.status", Severity.ERROR)))), null, t -> {})
            .process(doc("{\"resourceType\":\"Task\",\"id\":\"a\"}"));

    assertThat(p.results()).singleElement().extracting(Result::engine).isNull();
    assertThat(p.engine()).isNull();
  }

  @Test
  void aDocumentThatDidNotParseNamesNoEngine() {
    Processed p =
        new DocumentProcessor(List.of(checkedBy(Result.ENGINE_REFERENCE)), null, t -> {})
            .process(doc("{\"resourceType\": \"Task\", "));

    assertThat(p.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.issues()).extracting(Issue::ruleId).containsExactly(StructureIds.PARSE);
              assertThat(r.engine()).isNull();
            });
    assertThat(p.engine()).isNull();
  }

  @Test
  void aStageThatFailsAfterNamingItsEngineLeavesNoEngine() {
    Stage broken =
        stage(
            (unit, sink) -> {
              sink.checkedBy(Result.ENGINE_REFERENCE);
              throw new IllegalStateException("boom");
            });
    Processed p =
        new DocumentProcessor(List.of(broken), null, t -> {})
            .process(doc("{\"resourceType\":\"Task\",\"id\":\"a\"}"));

    assertThat(p.results()).singleElement().extracting(Result::engine).isNull();
  }

  /**
   * The summary counts the Tasks per engine, across worker threads: lines 1, 4, 7, ... checked by
   * the fast engine, 2, 5, 8, ... by the reference engine, 3, 6, 9, ... by none; the last line does
   * not parse.
   */
  @Test
  void theSummaryCountsTheTasksEachEngineChecked()
      throws java.io.IOException, InterruptedException {
    int n = 30;
    String ndjson = PipelineRuns.tasks(n) + "{\"resourceType\":\n";
    Stage byLine =
        stage(
            (unit, sink) -> {
              switch (unit.document().firstLine() % 3) {
                case 1 -> sink.checkedBy(Result.ENGINE_FAST);
                case 2 -> sink.checkedBy(Result.ENGINE_REFERENCE);
                default -> {}
              }
            });
    DocumentProcessor processor = new DocumentProcessor(List.of(byLine), FhirRelease.R4, t -> {});
    List<Result> results = new CopyOnWriteArrayList<>();
    RunTotals totals = PipelineRuns.run(processor, 3, ndjson, "auto", results::add);

    assertThat(totals.summary().resources()).isEqualTo(n);
    assertThat(totals.summary().engines())
        .containsExactly(java.util.Map.entry("fast", 10L), java.util.Map.entry("reference", 10L));
    assertThat(totals.summary().checkedBy("fast")).isEqualTo(10);
    assertThat(totals.summary().checkedBy("none")).isZero();
    assertThat(results).hasSize(n + 1);
    assertThat(results.get(0).engine()).isEqualTo("fast");
    assertThat(results.get(1).engine()).isEqualTo("reference");
    assertThat(results.get(2).engine()).isNull();
    assertThat(results.get(n).resource()).as("the line that did not parse").isNull();
    assertThat(results.get(n).engine()).isNull();
  }
}
