package dev.taskcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line says what the run is doing, not "loading" while it validates (issue 14). */
class ProgressTest {

  @Test
  void aLongPauseAfterResultsIsNotCalledLoading() {
    String stalled = Progress.line(3, 3, 60, 55);
    assertThat(stalled).doesNotContain("loading").contains("no new result for 55 s");
    assertThat(Progress.line(3, 3, 60, 1)).doesNotContain("no new result").contains("/s");
  }

  @Test
  void beforeTheFirstResultTheLineNamesValidationToo() {
    assertThat(Progress.line(0, 0, 60, 60)).contains("validating the first document");
  }
}
