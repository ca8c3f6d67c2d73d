package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.ReportListener;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.source.SourceLimits;
import dev.taskcheck.source.Sources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The heap running out on one document is that document's fatal; the run goes on (issue 14). */
class PipelineMemoryTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void outOfMemoryOnOneDocumentIsItsFatalAndTheOthersAreReported(int threads)
      throws InterruptedException, IOException {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      ndjson.append("{\"resourceType\":\"Task\",\"id\":\"t").append(i).append("\"}\n");
    }
    Stage greedy =
        new Stage() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public void check(DocumentUnit unit, IssueSink sink) {
            if (unit.document().firstLine() == 3) {
              throw new OutOfMemoryError("Java heap space");
            }
          }
        };
    DocumentProcessor processor = new DocumentProcessor(List.of(greedy), FhirRelease.R4, t -> {});
    List<Result> results = new CopyOnWriteArrayList<>();
    byte[] bytes = ndjson.toString().getBytes(StandardCharsets.UTF_8);
    try (Sources sources =
        Sources.open(
            List.of("-"),
            Path.of("."),
            () -> new ByteArrayInputStream(bytes),
            SourceLimits.defaults())) {
      new Pipeline(processor, threads)
          .run(
              sources,
              new RunInfo(
                  "taskcheck",
                  "test",
                  "R4",
                  RuleSet.RECOMMENDED,
                  "test",
                  Instant.EPOCH,
                  Instant.EPOCH),
              new ReportListener() {
                @Override
                public void result(Result result) {
                  results.add(result);
                }
              });
    }
    assertThat(results).extracting(Result::line).containsExactly(1, 2, 3, 4, 5);
    assertThat(results.get(2).issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo(StructureIds.INPUT);
              assertThat(i.severity()).isEqualTo(dev.taskcheck.model.Severity.FATAL);
              assertThat(i.line()).isEqualTo(3);
            });
  }
}
