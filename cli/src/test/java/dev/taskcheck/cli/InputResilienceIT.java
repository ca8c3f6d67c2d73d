package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs that once ended or hung the whole run (issue 14): each is now its own finding. */
class InputResilienceIT {

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  @Test
  void standardInputFromDevZeroIsAPromptTooLongFatal() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    // the timeout is a hang guard only: the read stops at the 64 MiB line limit
    CliRun run =
        taskcheck("validate", "--format", "json", "-")
            .stdinFrom(zero)
            .timeout(Duration.ofMinutes(3))
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    assertThat(results(run.json()))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .singleElement()
                    .satisfies(
                        i -> {
                          assertThat(i.path("ruleId").asText()).isEqualTo("input-unreadable");
                          assertThat(i.path("severity").asText()).isEqualTo("fatal");
                          assertThat(i.path("line").asInt()).isEqualTo(1);
                        }));
  }

  @Test
  void anAbsurdThreadCountIsAUsageError() {
    CliRun run =
        taskcheck("validate", "--threads", "100000", "-")
            .stdin(TASK.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertNoStackTrace(run);
  }

  @Test
  void aSymlinkedDirectoryIsValidatedAndADanglingLinkIsReported() throws IOException {
    Path work = CliProcessSupport.workDirectory("input-resilience-links");
    Path data = Files.createDirectories(work.resolve("data"));
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Files.writeString(data.resolve("a.json"), TASK);
    Files.writeString(elsewhere.resolve("inner.json"), TASK);
    Files.createSymbolicLink(data.resolve("linked"), elsewhere);
    Files.createSymbolicLink(data.resolve("gone.json"), work.resolve("nowhere.json"));
    Files.createSymbolicLink(data.resolve("up"), data);
    CliRun run = taskcheck("validate", "--format", "json", "data").in(work).run();
    assertNoStackTrace(run);
    List<String> sources =
        results(run.json()).stream().map(r -> r.path("source").asText()).toList();
    assertThat(sources)
        .as(run.describe())
        .containsExactly("data/a.json", "data/gone.json", "data/linked/inner.json", "data/up");
    JsonNode gone = results(run.json()).get(1);
    assertThat(issues(gone))
        .extracting(i -> i.path("severity").asText())
        .containsExactly("warning");
  }
}
