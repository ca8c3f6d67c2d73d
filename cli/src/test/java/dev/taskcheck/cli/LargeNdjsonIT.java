package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB NDJSON file is streamed, not loaded: about a million lines (a compact ~1 KB Patient, with
 * a valid Task every 100,000 lines and one truncated line at the very end), validated by a JVM
 * whose heap is a fraction of the file. The run must complete: every line counted as a document,
 * the Patients skipped, the Tasks validated at their own line numbers, the truncated last line a
 * fatal issue at its line, no OutOfMemoryError. The file is deleted afterwards, also when the test
 * fails. The JVM runs with its default compilers (not {@link
 * CliProcessSupport#DEFAULT_JVM_OPTIONS}): streaming a million lines is faster with them.
 */
class LargeNdjsonIT {

  private static final long GIB = 1L << 30;
  private static final int TASK_EVERY = 100_000;

  /**
   * The smallest heap that holds the R4 definitions (measured: 192 MB is not enough), so the
   * enabled test shows streaming with a heap a quarter of the file's size. See {@link
   * #tooSmallAHeapIsAFatalPerDocumentWithoutAStackTrace}.
   */
  private static final String HEAP = "-Xmx256m";

  @TempDir Path tmp;

  @Test
  void streamsAOneGibibyteFileInFlatMemory() throws IOException {
    streamOneGibibyte(HEAP);
  }

  @Test
  void tooSmallAHeapIsAFatalPerDocumentWithoutAStackTrace() {
    // the reference engine's R4 definitions need about 256 MB: with 128 MB no document can be
    // checked; each gets a fatal that says to give more memory (a run never aborts on memory: issue
    // 14 #10). The fast engine needs far less, so the reference engine is asked for.
    CliRun run =
        taskcheck(
                "validate",
                "--engine",
                "reference",
                "--format",
                "json",
                CliProcessSupport.testdata().resolve("samples/broken-status-done.json").toString())
            .jvm("-Xmx128m")
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.stdout()).contains("input-unreadable").contains("fatal").contains("-Xmx");
    CliReportSupport.assertNoStackTrace(run);
  }

  private void streamOneGibibyte(String heap) throws IOException {
    long usable = Files.getFileStore(tmp).getUsableSpace();
    if (usable < 3 * GIB) {
      fail(
          "LargeNdjsonIT needs 3 GiB free in "
              + tmp
              + " for its 1 GiB NDJSON file; only "
              + usable / (1 << 20)
              + " MiB are usable");
    }
    Path file = tmp.resolve("one-gibibyte.ndjson");
    try {
      Generated g = generate(file);
      assertThat(Files.size(file)).isGreaterThanOrEqualTo(GIB);

      CliRun run =
          taskcheck("validate", "--format", "json", file.getFileName().toString())
              .defaultJvmOptions(false)
              .jvm(heap)
              .in(tmp)
              .run();
      assertThat(run.stderr()).as(run.describe()).doesNotContain("OutOfMemoryError");
      CliReportSupport.assertNoStackTrace(run);
      assertThat(run.exitCode())
          .as("the truncated last line is fatal: exit 1%s", run.describe())
          .isEqualTo(1);

      JsonNode report = run.json();
      JsonNode summary = report.path("summary");
      assertThat(summary.path("inputs").asLong()).isEqualTo(1);
      assertThat(summary.path("documents").asLong())
          .as("one document per line")
          .isEqualTo(g.lines());
      assertThat(summary.path("skipped").asLong()).as("the Patients").isEqualTo(g.patients());
      assertThat(summary.path("resources").asLong())
          .as("the Tasks")
          .isEqualTo(g.taskLines().size());
      assertThat(summary.path("fatal").asLong()).isEqualTo(1);
      assertThat(summary.path("error").asLong()).isZero();

      List<JsonNode> results = results(report);
      List<Long> taskLines =
          results.stream()
              .filter(r -> r.path("resource").isTextual())
              .map(r -> r.path("line").asLong())
              .toList();
      assertThat(taskLines).as("each Task at its own line number").isEqualTo(g.taskLines());
      JsonNode last = results.get(results.size() - 1);
      assertThat(last.path("line").asLong()).isEqualTo(g.lines());
      assertThat(issues(last))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.path("ruleId").asText()).isEqualTo("structure-parse");
                assertThat(i.path("severity").asText()).isEqualTo("fatal");
                assertThat(i.path("line").asLong()).isEqualTo(g.lines());
              });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** What was written: the number of lines, of Patients, and the line numbers of the Tasks. */
  private record Generated(long lines, long patients, List<Long> taskLines) {}

  private static Generated generate(Path file) throws IOException {
    byte[] patient =
        line(
            "{\"resourceType\":\"Patient\",\"id\":\"pat-bulk\",\"active\":true,"
                + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                + "x".repeat(760)
                + "</div>\"},"
                + "\"name\":[{\"use\":\"official\",\"family\":\"Bulk\",\"given\":[\"Anna\",\"Maria\"]}],"
                + "\"gender\":\"female\",\"birthDate\":\"1970-01-01\"}");
    String task =
        "{\"resourceType\":\"Task\",\"id\":\"bulk-task\",\"text\":{\"status\":\"generated\","
            + "\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">A requested order.</div>\"},"
            + "\"status\":\"requested\",\"intent\":\"order\",\"for\":{\"reference\":\"Patient/pat-bulk\"},"
            + "\"authoredOn\":\"2025-01-15T09:30:00Z\"}";
    byte[] truncated =
        "{\"resourceType\":\"Task\",\"id\":\"bulk-task-cut\",\"status\":\"requ"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(patient.length).isBetween(900, 1100);
    long lines = 0;
    long patients = 0;
    long bytes = 0;
    List<Long> taskLines = new ArrayList<>();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      while (bytes < GIB) {
        lines++;
        byte[] l;
        if ((lines - 1) % TASK_EVERY == 0) {
          l = line(task.replace("bulk-task", "bulk-task-" + lines));
          taskLines.add(lines);
        } else {
          l = patient;
          patients++;
        }
        out.write(l);
        bytes += l.length;
      }
      out.write(truncated);
      lines++;
    }
    return new Generated(lines, patients, taskLines);
  }

  private static byte[] line(String json) {
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
