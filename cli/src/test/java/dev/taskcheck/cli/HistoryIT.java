package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.join;
import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.assertUsageError;
import static dev.taskcheck.cli.CliReportSupport.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import dev.taskcheck.cli.CliReportSupport.TextIssue;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Task histories from the command line, against the real jar, over the R4 Tasks in {@code
 * src/test/resources/it/history}: a history Bundle with its newest version first ({@code
 * lab-order-7}: ready, in-progress, then back to requested), four version files of {@code
 * lab-order-9} whose last version changes intent, a {@code diff} pair (in-progress, then requested)
 * and three Tasks of which one has been in progress since March. Every run uses {@code --now
 * 2025-06-01T00:00:00Z}.
 */
class HistoryIT {

  private static final String NOW = "2025-06-01T00:00:00Z";
  private static final long HOUR = 3_600_000L;

  private static Path dir;
  private static CompletableFuture<CliRun> bundle;
  private static CompletableFuture<CliRun> versionsAsHistory;
  private static CompletableFuture<CliRun> versionsAlone;
  private static CompletableFuture<CliRun> diff;
  private static CompletableFuture<CliRun> diffWithTable;
  private static CompletableFuture<CliRun> stuckJson;
  private static CompletableFuture<CliRun> stuckText;

  @BeforeAll
  static void startTheValidatingRuns() throws URISyntaxException {
    dir = Path.of(Objects.requireNonNull(HistoryIT.class.getResource("/it/history")).toURI());
    bundle = launch("validate", "--format", "json", "history-bundle.json");
    versionsAsHistory = launch("validate", "--format", "json", "--history", "versions");
    versionsAlone = launch("validate", "--format", "json", "versions");
    diff = launch("diff", "diff/before.json", "diff/after.json", "--format", "json");
    diffWithTable =
        launch(
            "diff",
            "--state-machine",
            "lab-state-machine.json",
            "--format",
            "json",
            "diff/before.json",
            "diff/after.json");
    stuckJson = launch("validate", "--stuck-after", "7d", "--format", "json", "stuck");
    stuckText = launch("validate", "--stuck-after", "P7D", "stuck");
  }

  private static CompletableFuture<CliRun> launch(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--now");
    all.add(2, NOW);
    return taskcheck(all).in(dir).timeout(CliProcessSupport.VALIDATING).start();
  }

  private static CliRun finished(CompletableFuture<CliRun> launch) {
    CliRun run = join(launch);
    assertNoStackTrace(run);
    return run;
  }

  /** {@code source resource versionId ruleId severity expression} of every finding. */
  private static Set<String> findings(JsonNode report) {
    Set<String> out = new TreeSet<>();
    for (JsonNode r : report.path("results")) {
      for (JsonNode i : r.path("issues")) {
        String versionId = r.path("versionId").isTextual() ? r.path("versionId").asText() : "-";
        out.add(
            r.path("source").asText()
                + " "
                + r.path("resource").asText()
                + " "
                + versionId
                + " "
                + i.path("ruleId").asText()
                + " "
                + i.path("severity").asText()
                + " "
                + i.path("expression").asText());
      }
    }
    return out;
  }

  private static Set<String> transitionFindings(JsonNode report) {
    Set<String> out = new TreeSet<>();
    for (String f : findings(report)) {
      if (f.split(" ", -1)[3].startsWith("transition-")) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void aHistoryBundleNewestFirstIsCheckedOldestFirst() {
    CliRun run = finished(bundle);
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode report = run.json();
    // in-progress (version 2) -> requested (version 3), whatever the entry order
    assertThat(findings(report))
        .as(run.describe())
        .containsExactly(
            "history-bundle.json Task/lab-order-7 3 transition-1 error Bundle.entry[0].resource.status");
    JsonNode metrics = report.path("metrics");
    assertThat(metrics.path("histories").asLong()).isEqualTo(1);
    assertThat(metrics.path("versions").asLong()).isEqualTo(3);
    assertThat(fieldNames(metrics.path("timeInStatus"))).containsExactly("in-progress", "ready");
    // ready at 2025-03-01T08:00, in progress at 2025-03-02T10:00, requested again at
    // 2025-03-03T09:00
    assertThat(metrics.at("/waitTime/count").asLong()).isEqualTo(1);
    assertThat(metrics.at("/waitTime/medianMs").asLong()).isEqualTo(26 * HOUR);
    assertThat(metrics.at("/timeInProgress/medianMs").asLong()).isEqualTo(23 * HOUR);
    assertThat(metrics.at("/timeToCompletion/count").asLong()).isZero();
    assertThat(metrics.at("/timeToCompletion/medianMs").isNull()).isTrue();
    assertThat(metrics.path("stuckAfterMs").isNull()).isTrue();
    assertThat(metrics.path("stuckCount").asLong()).isZero();
    assertThat(metrics.path("stuck").size()).isZero();
  }

  @Test
  void historyGroupsTheVersionFilesOfADirectoryByVersionId() {
    CliRun run = finished(versionsAsHistory);
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode report = run.json();
    // the files sort as accepted, completed, in-progress, requested; versionId 1..4 puts them in
    // order, so the
    // only change found is version 4's intent
    assertThat(findings(report))
        .as(run.describe())
        .containsExactly(
            "versions/lab-order-9-completed.json Task/lab-order-9 4 transition-6 error Task.intent");
    JsonNode metrics = report.path("metrics");
    assertThat(metrics.path("histories").asLong()).isEqualTo(1);
    assertThat(metrics.path("versions").asLong()).isEqualTo(4);
    assertThat(metrics.at("/waitTime/medianMs").asLong()).isEqualTo(4 * HOUR);
    assertThat(metrics.at("/timeToCompletion/count").asLong()).isEqualTo(1);
    assertThat(metrics.at("/timeToCompletion/medianMs").asLong()).isEqualTo(28 * HOUR);
  }

  @Test
  void withoutHistoryTheSameFilesAreSeparateTasks() {
    CliRun run = finished(versionsAlone);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode report = run.json();
    assertThat(transitionFindings(report)).isEmpty();
    assertThat(report.has("metrics"))
        .as("no metrics without histories or a stuck threshold")
        .isFalse();
  }

  @Test
  void diffChecksTheChangeFromBeforeToAfter() {
    CliRun run = finished(diff);
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode report = run.json();
    Set<String> errors = new TreeSet<>();
    for (String f : findings(report)) {
      if (f.contains(" error ") || f.contains(" fatal ")) {
        errors.add(f);
      }
    }
    assertThat(errors)
        .as(run.describe())
        .containsExactly("diff/after.json Task/lab-order-12 - transition-1 error Task.status");
    // the pair starts in progress: transition-13 says so, as information
    assertThat(transitionFindings(report))
        .contains("diff/before.json Task/lab-order-12 - transition-13 information Task.status");
    assertThat(report.at("/summary/inputs").asLong()).isEqualTo(2);
    assertThat(report.at("/metrics/histories").asLong()).isEqualTo(1);
    assertThat(report.at("/metrics/versions").asLong()).isEqualTo(2);
  }

  @Test
  void aStateMachineFileDecidesWhichChangesAreAllowed() {
    CliRun run = finished(diffWithTable);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(transitionFindings(run.json()))
        .as(run.describe())
        .noneMatch(f -> f.contains(" transition-1 "));
  }

  @Test
  void stuckAfterReportsAndListsTheStuckTasksInJson() {
    CliRun run = finished(stuckJson);
    assertThat(run.exitCode()).as("a stuck Task is a warning%s", run.describe()).isZero();
    JsonNode report = run.json();
    assertThat(transitionFindings(report))
        .as(run.describe())
        .containsExactly(
            "stuck/lab-order-20-in-progress.json Task/lab-order-20 5 transition-15 warning Task.lastModified");
    JsonNode metrics = report.path("metrics");
    assertThat(metrics.path("histories").asLong()).isZero();
    assertThat(metrics.path("stuckAfterMs").asLong()).isEqualTo(7 * 24 * HOUR);
    assertThat(metrics.path("stuckCount").asLong()).isEqualTo(1);
    assertThat(metrics.path("stuck").size()).isEqualTo(1);
    JsonNode stuck = metrics.path("stuck").get(0);
    assertThat(fieldNames(stuck))
        .containsExactlyInAnyOrder(
            "resource", "versionId", "source", "line", "status", "since", "idleMs");
    assertThat(stuck.path("resource").asText()).isEqualTo("Task/lab-order-20");
    assertThat(stuck.path("versionId").asText()).isEqualTo("5");
    assertThat(stuck.path("source").asText()).isEqualTo("stuck/lab-order-20-in-progress.json");
    assertThat(stuck.path("line").asInt()).isEqualTo(1);
    assertThat(stuck.path("status").asText()).isEqualTo("in-progress");
    assertThat(stuck.path("since").asText()).isEqualTo("2025-03-10T10:00:00Z");
    // idle counts from the latest instant the timestamp can denote (10:00:00.999 for a value to the
    // second)
    long idle =
        Duration.between(Instant.parse("2025-03-10T10:00:00Z"), Instant.parse(NOW)).toMillis();
    assertThat(stuck.path("idleMs").asLong()).isBetween(idle - 1000, idle);
  }

  @Test
  void stuckTasksAreListedAfterTheTextSummary() {
    CliRun run = finished(stuckText);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<String> lines = run.stdoutLines();
    List<TextIssue> issues =
        lines.stream()
            .map(CliReportSupport::parseIssueLine)
            .flatMap(Optional::stream)
            .filter(i -> i.ruleId().startsWith("transition-"))
            .toList();
    assertThat(issues).as(run.describe()).hasSize(1);
    assertThat(issues.get(0).path()).isEqualTo("stuck/lab-order-20-in-progress.json");
    assertThat(issues.get(0).severity()).isEqualTo("warning");
    assertThat(issues.get(0).ruleId()).isEqualTo("transition-15");
    assertThat(issues.get(0).expression()).isEqualTo("Task.lastModified");
    int summary = lines.indexOf(CliReportSupport.summaryLine(lines));
    List<String> after =
        lines.subList(summary + 1, lines.size()).stream()
            .filter(l -> !l.startsWith("FHIR versions: ") && !l.startsWith("structure engines: "))
            .toList();
    assertThat(after)
        .as(run.describe())
        .containsExactly(
            "stuck (older than 7d): 1",
            "  stuck/lab-order-20-in-progress.json:1 Task/lab-order-20 in-progress since 2025-03-10T10:00:00Z"
                + " (idle 82d 13h)");
  }

  @Test
  void aBadStateMachineFileIsASetupErrorNamingFileAndLine() {
    CliRun run =
        taskcheck(
                "diff",
                "--state-machine",
                "bad-state-machine.json",
                "diff/before.json",
                "diff/after.json")
            .in(dir)
            .timeout(CliProcessSupport.QUICK)
            .run();
    // line 5 lists 'finished', which is not a Task status
    assertUsageError(run, false, "--state-machine", "bad-state-machine.json:5");
  }

  @Test
  void aMissingStateMachineFileIsASetupError() {
    CliRun run =
        taskcheck("validate", "--state-machine", "no-such-table.json", "history-bundle.json")
            .in(dir)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertUsageError(run, false, "--state-machine", "no-such-table.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7 days", "soon", "0d", "PT0S", "-P1D", "1.5d", "P106751991167300D"})
  void aBadStuckAfterIsAUsageError(String value) {
    CliRun run =
        taskcheck("validate", "--stuck-after", value, "history-bundle.json")
            .in(dir)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertUsageError(run, false, "--stuck-after", value);
  }

  @Test
  void diffTakesExactlyTwoExistingFiles() {
    CliRun missing =
        taskcheck("diff", "diff/before.json", "diff/nothere.json")
            .in(dir)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertUsageError(missing, false, "diff/nothere.json");
    CliRun one =
        taskcheck("diff", "diff/before.json").in(dir).timeout(CliProcessSupport.QUICK).run();
    assertUsageError(one, false, "AFTER");
    CliRun three =
        taskcheck("diff", "diff/before.json", "diff/after.json", "history-bundle.json")
            .in(dir)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertUsageError(three, false, "history-bundle.json");
    CliRun directory =
        taskcheck("diff", "diff", "diff/after.json").in(dir).timeout(CliProcessSupport.QUICK).run();
    assertUsageError(directory, false, "diff");
  }

  @Test
  void helpDescribesTheHistoryOptionsAndDiff() {
    CliRun validate = taskcheck("validate", "--help").timeout(CliProcessSupport.QUICK).run();
    assertThat(validate.exitCode()).as(validate.describe()).isZero();
    assertThat(validate.stdout())
        .contains("--history", "--state-machine", "--stuck-after", "7d", "P7D");
    CliRun diffHelp = taskcheck("diff", "--help").timeout(CliProcessSupport.QUICK).run();
    assertThat(diffHelp.exitCode()).as(diffHelp.describe()).isZero();
    assertThat(diffHelp.stdout())
        .contains(
            "BEFORE",
            "AFTER",
            "--format",
            "--output",
            "--rule-set",
            "--rule",
            "--state-machine",
            "--fhir-version",
            "--now",
            "--fail-on")
        .doesNotContain("--history");
    CliRun main = taskcheck("--help").timeout(CliProcessSupport.QUICK).run();
    assertThat(main.stdout()).contains("diff");
  }
}
