package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Result;
import java.io.IOException;
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
    PipelineRuns.run(processor, threads, PipelineRuns.tasks(5), "test", results::add);
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
