package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document holding a 100 MB string among small ones, in a JVM with -Xmx1g (what the tool's own
 * out-of-memory message suggests): the big one gets a fatal, the others are reported (issue 14).
 */
class MemoryPressureIT {

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  @Test
  void aHugeDocumentIsItsOwnFatalAndTheOthersAreReported() throws IOException {
    Path work = CliProcessSupport.workDirectory("memory-pressure");
    Path data = Files.createDirectories(work.resolve("data"));
    Files.writeString(data.resolve("a.json"), TASK);
    try (Writer w = Files.newBufferedWriter(data.resolve("b-huge.json"), StandardCharsets.UTF_8)) {
      w.write("{\n\"resourceType\": \"Task\",\n\"status\": \"draft\",\n\"intent\": \"order\",\n");
      w.write("\"description\": \"");
      char[] chunk = new char[1 << 20];
      java.util.Arrays.fill(chunk, 'x');
      for (int i = 0; i < 100; i++) {
        w.write(chunk);
      }
      w.write("\"\n}\n");
    }
    Files.writeString(data.resolve("c.json"), TASK);
    CliRun run = taskcheck("validate", "--format", "json", "data").in(work).jvm("-Xmx1g").run();
    try {
      assertNoStackTrace(run);
      JsonNode report = run.json();
      List<String> sources = results(report).stream().map(r -> r.path("source").asText()).toList();
      assertThat(sources)
          .as(run.describe())
          .containsExactly("data/a.json", "data/b-huge.json", "data/c.json");
      assertThat(issues(results(report).get(1)))
          .extracting(i -> i.path("ruleId").asText() + " " + i.path("severity").asText())
          .containsExactly("input-unreadable fatal");
    } finally {
      CliProcessSupport.deleteRecursively(work);
    }
  }
}
