package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worker pool never grows with what is asked beyond a documented cap (issue 14 #9). */
class PipelineThreadsTest {

  @Test
  void absurdThreadCountsAreCappedPerCoreAndInAll() {
    assertThat(Pipeline.effectiveThreads(100_000, 2)).isEqualTo(8);
    assertThat(Pipeline.effectiveThreads(100_000, 1024)).isEqualTo(Pipeline.THREAD_CEILING);
    assertThat(Pipeline.effectiveThreads(Integer.MAX_VALUE, Integer.MAX_VALUE))
        .isEqualTo(Pipeline.THREAD_CEILING);
    assertThat(Pipeline.effectiveThreads(3, 2)).isEqualTo(3);
    assertThat(Pipeline.effectiveThreads(1, 64)).isEqualTo(1);
    assertThat(Pipeline.effectiveThreads(5, 0)).isEqualTo(4);
  }

  @Test
  void aPipelineAskedFor100000ThreadsUsesTheCap() {
    int cap =
        Pipeline.effectiveThreads(Integer.MAX_VALUE, Runtime.getRuntime().availableProcessors());
    Pipeline p = new Pipeline(new DocumentProcessor(List.of(), FhirRelease.R4, t -> {}), 100_000);
    assertThat(p.threads()).isEqualTo(cap).isLessThanOrEqualTo(Pipeline.THREAD_CEILING);
  }

  /**
   * One document is checked on the calling thread whatever the thread count (a library call on one
   * string starts no pool); more than one go to the workers.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, false", "1, 4, false", "2, 1, false", "2, 4, true", "5, 2, true"})
  void oneDocumentIsCheckedOnTheCallingThread(int documents, int threads, boolean workers)
      throws Exception {
    Set<String> checkedOn = ConcurrentHashMap.newKeySet();
    Stage recording =
        new Stage() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public void check(DocumentUnit unit, IssueSink sink) {
            checkedOn.add(Thread.currentThread().getName());
          }
        };
    List<Result> results = new ArrayList<>();
    PipelineRuns.run(
        new DocumentProcessor(List.of(recording), FhirRelease.R4, t -> {}),
        threads,
        PipelineRuns.tasks(documents),
        "test",
        results::add);
    assertThat(results).hasSize(documents);
    if (workers) {
      assertThat(checkedOn).allMatch(n -> n.startsWith("taskcheck-worker-"));
    } else {
      assertThat(checkedOn).containsExactly(Thread.currentThread().getName());
    }
  }
}
