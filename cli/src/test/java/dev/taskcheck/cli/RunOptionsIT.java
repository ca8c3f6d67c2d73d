package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.summaryCounts;
import static dev.taskcheck.cli.CliReportSupport.summaryLine;
import static dev.taskcheck.cli.CliReportSupport.textIssues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.cli.CliProcessSupport.CliRun;
import dev.taskcheck.cli.CliReportSupport.TextIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Options of a run that need no FHIR definitions (the input is an empty file, a fatal parse issue
 * only): {@code --now} in each accepted form is the report's {@code now}; a fatal parse issue alone
 * exits with 1; {@code --quiet} prints the issues but no summary; no ANSI escape codes when
 * standard output is not a terminal.
 */
class RunOptionsIT {

  private static final String EMPTY = "testdata/bad-input/empty.json";

  @ParameterizedTest(name = "--now {0}")
  @CsvSource({
    "2026-11-21T10:00:00Z, 2026-11-21T10:00:00Z",
    "2026-11-21T11:00:00+01:00, 2026-11-21T10:00:00Z",
    "2026-11-21, 2026-11-21T00:00:00Z"
  })
  void nowIsTheReportsClock(String option, String expected) {
    CliRun run =
        taskcheck("validate", "--format", "json", "--now", option, EMPTY)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(Instant.parse(run.json().path("now").asText())).isEqualTo(Instant.parse(expected));
  }

  @Test
  void withoutNowTheClockIsTheCurrentTime() {
    Instant before = Instant.now();
    CliRun run =
        taskcheck("validate", "--format", "json", EMPTY).timeout(CliProcessSupport.QUICK).run();
    Instant after = Instant.now();
    Instant now = Instant.parse(run.json().path("now").asText());
    assertThat(now)
        .isBetween(before.minus(Duration.ofSeconds(5)), after.plus(Duration.ofSeconds(5)));
  }

  @Test
  void aFatalParseIssueAloneExitsWithOne() {
    CliRun run = taskcheck("validate", EMPTY).timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    assertNoAnsi(run);
    List<TextIssue> issues = textIssues(run.stdoutLines());
    assertThat(issues)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.path()).isEqualTo(EMPTY);
              assertThat(i.position()).isEqualTo("1:1");
              assertThat(i.severity()).isEqualTo("fatal");
              assertThat(i.ruleId()).isEqualTo("structure-parse");
              assertThat(i.expression()).isEqualTo("-");
            });
    assertThat(summaryCounts(summaryLine(run.stdoutLines())).get("fatal")).isEqualTo(1);
  }

  @Test
  void quietPrintsTheIssuesButNoSummary() {
    CliRun run =
        taskcheck("validate", "--quiet", EMPTY, "testdata/bad-input/top-level-string.json")
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.stdoutLines())
        .as(run.describe())
        .hasSize(2)
        .allSatisfy(l -> assertThat(CliReportSupport.parseIssueLine(l)).isPresent())
        .noneMatch(
            l ->
                l.startsWith("taskcheck: ")
                    || l.startsWith("FHIR versions: ")
                    || l.startsWith("structure engines: "));
    assertThat(run.stderr()).as("nothing on stderr with --quiet").isEmpty();
  }

  @Test
  void noAnsiEscapesWhenStdoutIsNotATerminalEvenWithTermSet() {
    // TERM says the terminal could colour, but standard output is a pipe
    CliRun run =
        taskcheck("validate", EMPTY, "testdata/bad-input/binary.bin")
            .env("TERM", "xterm-256color")
            .unsetEnv("NO_COLOR")
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertThat(run.exitCode()).isEqualTo(1);
    assertNoAnsi(run);
  }
}
