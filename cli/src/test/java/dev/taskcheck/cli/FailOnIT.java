package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.join;
import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --fail-on}: the exit code is 1 exactly when an issue is at or above the level. The same
 * input, with an error and several warnings but nothing fatal, exits 0 with {@code none} and with
 * {@code fatal}; an input with warnings only exits 1 with {@code warning} and 0 with the default
 * ({@code error}). The four launches run side by side; each report's summary confirms the premise
 * (which severities the input has).
 */
class FailOnIT {

  private static final String ERROR_FILE = "testdata/samples/broken-status-done.json";

  /** status-2's warning only; JSON, so the fast engine checks it (a launch of about a second). */
  private static final String WARNINGS_FILE =
      "testdata/fixtures/rules/status-2/r4/fail-in-progress-without-period.json";

  private static CliRun none;
  private static CliRun fatal;
  private static CliRun warning;
  private static CliRun byDefault;

  @BeforeAll
  static void runAll() {
    CompletableFuture<CliRun> a =
        taskcheck("validate", "--format", "json", "--fail-on", "none", ERROR_FILE, WARNINGS_FILE)
            .start();
    CompletableFuture<CliRun> b =
        taskcheck("validate", "--format", "json", "--fail-on", "fatal", ERROR_FILE, WARNINGS_FILE)
            .start();
    CompletableFuture<CliRun> c =
        taskcheck("validate", "--format", "json", "--fail-on", "warning", WARNINGS_FILE).start();
    byDefault = taskcheck("validate", "--format", "json", WARNINGS_FILE).run();
    none = join(a);
    fatal = join(b);
    warning = join(c);
  }

  private static JsonNode summary(CliRun run) {
    assertNoStackTrace(run);
    return run.json().path("summary");
  }

  @Test
  void noneNeverFails() {
    JsonNode s = summary(none);
    assertThat(s.path("error").asLong()).as("premise: the input has errors").isPositive();
    assertThat(s.path("warning").asLong()).as("premise: the input has warnings").isPositive();
    assertThat(none.exitCode()).as(none.describe()).isZero();
  }

  @Test
  void fatalDoesNotFailOnErrors() {
    JsonNode s = summary(fatal);
    assertThat(s.path("error").asLong()).as("premise: the input has errors").isPositive();
    assertThat(s.path("fatal").asLong()).as("premise: nothing fatal").isZero();
    assertThat(fatal.exitCode()).as(fatal.describe()).isZero();
  }

  @Test
  void warningFailsOnWarnings() {
    JsonNode s = summary(warning);
    assertThat(s.path("warning").asLong()).as("premise: the input has warnings").isPositive();
    assertThat(s.path("error").asLong() + s.path("fatal").asLong())
        .as("premise: warnings only")
        .isZero();
    assertThat(warning.exitCode()).as(warning.describe()).isEqualTo(1);
  }

  @Test
  void theDefaultLevelErrorDoesNotFailOnWarnings() {
    JsonNode s = summary(byDefault);
    assertThat(s.path("warning").asLong()).as("premise: the input has warnings").isPositive();
    assertThat(s.path("error").asLong() + s.path("fatal").asLong())
        .as("premise: warnings only")
        .isZero();
    assertThat(byDefault.exitCode()).as(byDefault.describe()).isZero();
  }
}
