package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
