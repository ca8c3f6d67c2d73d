package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RenderOptions OPTIONS = RenderOptions.defaults();

  private static JsonNode parse(String json) throws IOException {
    return MAPPER.readTree(json);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelShape() throws IOException {
    JsonNode root = parse(render(OutputFormat.JSON, ReportFixtures.report(), OPTIONS));

    assertThat(keys(root))
        .containsExactly(
            "tool",
            "fhirVersion",
            "fhirVersionSetting",
            "ruleSet",
            "engine",
            "now",
            "startedAt",
            "summary",
            "timings",
            "results");
    assertThat(keys(root.get("tool"))).containsExactly("name", "version");
    assertThat(root.at("/tool/name").asText()).isEqualTo("taskcheck");
    assertThat(root.at("/tool/version").asText()).isEqualTo("0.1.0");
    assertThat(root.get("fhirVersion").asText()).isEqualTo("mixed");
    assertThat(root.get("fhirVersionSetting").asText()).isEqualTo("auto");
    assertThat(root.get("ruleSet").asText()).isEqualTo("recommended");
    assertThat(root.get("engine").asText()).isEqualTo("reference");
    assertThat(root.get("now").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(root.get("startedAt").asText()).isEqualTo("2026-11-21T10:00:00.123Z");
  }

  @Test
  void suppressedFindingsAreListedWithTheirReason() throws IOException {
    Issue issue =
        new Issue(
            "status-1",
            Severity.WARNING,
            "invariant",
            "Task",
            3,
            1,
            "no owner",
            IssueSource.PROFILE,
            null);
    Result result =
        new Result(
            "a.json",
            null,
            1,
            "Task/1",
            null,
            FhirRelease.R4,
            null,
            List.of(),
            List.of(
                new SuppressedIssue(
                    issue, "owners are assigned downstream", "suppressions.json:4")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = OutputFormat.JSON.toStream(bytes, OPTIONS);
    RunInfo run = ReportFixtures.report().run();
    out.start(run);
    out.result(result);
    out.finish(
        new Summary(1, 1, 1, 0, 0, 0, 0, 0, Map.of(FhirRelease.R4, 1L), 1), new Timings(1, 1L, 1L));
    out.close();
    JsonNode root = parse(bytes.toString(StandardCharsets.UTF_8));
    assertThat(root.path("summary").path("suppressed").asLong()).isEqualTo(1);
    JsonNode s = root.path("results").get(0).path("suppressed").get(0);
    assertThat(s.path("reason").asText()).isEqualTo("owners are assigned downstream");
    assertThat(s.path("suppression").asText()).isEqualTo("suppressions.json:4");
    assertThat(s.path("issue").path("ruleId").asText()).isEqualTo("status-1");
    assertThat(s.path("issue").path("expression").asText()).isEqualTo("Task");
    assertThat(root.path("results").get(0).path("issues")).isEmpty();
  }

  @Test
  void summaryAndTimings() throws IOException {
    JsonNode root = parse(render(OutputFormat.JSON, ReportFixtures.report(), OPTIONS));

    JsonNode summary = root.get("summary");
    assertThat(keys(summary))
        .containsExactly(
            "inputs",
            "documents",
            "resources",
            "skipped",
            "fatal",
            "error",
            "warning",
            "information",
            "suppressed",
            "releases",
            "engines");
    assertThat(summary.get("suppressed").asLong()).isZero();
    assertThat(summary.get("inputs").asLong()).isEqualTo(3);
    assertThat(summary.get("documents").asLong()).isEqualTo(3);
    assertThat(summary.get("resources").asLong()).isEqualTo(3);
    assertThat(summary.get("skipped").asLong()).isEqualTo(2);
    assertThat(summary.get("fatal").asLong()).isEqualTo(1);
    assertThat(summary.get("error").asLong()).isEqualTo(1);
    assertThat(summary.get("warning").asLong()).isEqualTo(1);
    assertThat(summary.get("information").asLong()).isEqualTo(1);
    assertThat(keys(summary.get("releases"))).containsExactly("R4", "R5");
    assertThat(summary.at("/releases/R4").asLong()).isEqualTo(2);
    assertThat(summary.at("/releases/R5").asLong()).isEqualTo(1);
    assertThat(keys(summary.get("engines"))).containsExactly("fast", "reference");
    assertThat(summary.at("/engines/fast").asLong()).isEqualTo(1);
    assertThat(summary.at("/engines/reference").asLong()).isEqualTo(2);

    JsonNode timings = root.get("timings");
    assertThat(keys(timings)).containsExactly("elapsedMs", "firstResultMs", "processFirstResultMs");
    assertThat(timings.get("elapsedMs").asLong()).isEqualTo(1234);
    assertThat(timings.get("firstResultMs").asLong()).isEqualTo(900);
    assertThat(timings.get("processFirstResultMs").asLong()).isEqualTo(5000);
  }

  @Test
  void nullTimingsAndExplicitVersion() throws IOException {
    Report report =
        new Report(
            ReportFixtures.run("R4"),
            List.of(),
            new Summary(0, 0, 0, 0, 0, 0, 0, 0, Map.of()),
            new Timings(12, null, null));

    JsonNode root = parse(render(OutputFormat.JSON, report, OPTIONS));

    assertThat(root.get("fhirVersion").asText()).isEqualTo("R4");
    assertThat(root.get("fhirVersionSetting").asText()).isEqualTo("R4");
    assertThat(root.at("/timings/firstResultMs").isNull()).isTrue();
    assertThat(root.at("/timings/processFirstResultMs").isNull()).isTrue();
    assertThat(root.at("/summary/releases").isObject()).isTrue();
    assertThat(root.at("/summary/releases").size()).isZero();
    assertThat(root.at("/summary/engines").isObject()).isTrue();
    assertThat(root.at("/summary/engines").size()).isZero();
    assertThat(root.get("results").isArray()).isTrue();
    assertThat(root.get("results").size()).isZero();
  }

  @Test
  void resultsInOrderWithAllKeysAndNulls() throws IOException {
    JsonNode results =
        parse(render(OutputFormat.JSON, ReportFixtures.report(), OPTIONS)).get("results");

    assertThat(results.size()).isEqualTo(4);
    for (JsonNode r : results) {
      assertThat(keys(r))
          .containsExactly(
              "source",
              "location",
              "line",
              "resource",
              "versionId",
              "fhirVersion",
              "fhirVersionReason",
              "engine",
              "issues");
      for (JsonNode i : r.get("issues")) {
        assertThat(keys(i))
            .containsExactly(
                "ruleId",
                "severity",
                "type",
                "expression",
                "line",
                "column",
                "message",
                "source",
                "messageId");
      }
    }

    JsonNode first = results.get(0);
    assertThat(first.get("source").asText()).isEqualTo("samples/task-1.json");
    assertThat(first.get("location").isNull()).isTrue();
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("resource").asText()).isEqualTo("Task/abc");
    assertThat(first.get("versionId").asText()).isEqualTo("2");
    assertThat(first.get("fhirVersion").asText()).isEqualTo("R4");
    assertThat(first.get("fhirVersionReason").asText())
        .isEqualTo(ReportFixtures.WITH_ISSUES.fhirVersionReason());
    assertThat(first.get("engine").asText()).isEqualTo("reference");
    JsonNode binding = first.at("/issues/0");
    assertThat(binding.get("ruleId").asText()).isEqualTo("structure-binding");
    assertThat(binding.get("severity").asText()).isEqualTo("error");
    assertThat(binding.get("type").asText()).isEqualTo("code-invalid");
    assertThat(binding.get("expression").asText()).isEqualTo("Task.status");
    assertThat(binding.get("line").asInt()).isEqualTo(5);
    assertThat(binding.get("column").asInt()).isEqualTo(13);
    assertThat(binding.get("message").asText()).isEqualTo(ReportFixtures.BINDING.message());
    assertThat(binding.get("source").asText()).isEqualTo("structure");
    assertThat(binding.get("messageId").asText()).isEqualTo("Terminology_TX_NoValid_16");
    JsonNode intent = first.at("/issues/1");
    assertThat(intent.get("severity").asText()).isEqualTo("warning");
    assertThat(intent.get("column").isNull()).isTrue();
    assertThat(intent.get("messageId").isNull()).isTrue();
    assertThat(intent.get("source").asText()).isEqualTo("rule");

    JsonNode clean = results.get(1);
    assertThat(clean.get("resource").asText()).isEqualTo("Task/def");
    assertThat(clean.get("versionId").isNull()).isTrue();
    assertThat(clean.get("fhirVersion").asText()).isEqualTo("R5");
    assertThat(clean.get("engine").asText()).isEqualTo("fast");
    assertThat(clean.get("issues").isArray()).isTrue();
    assertThat(clean.get("issues").size()).isZero();

    JsonNode unparsed = results.get(2);
    for (String key :
        List.of(
            "location",
            "line",
            "resource",
            "versionId",
            "fhirVersion",
            "fhirVersionReason",
            "engine")) {
      assertThat(unparsed.get(key).isNull()).as(key).isTrue();
    }
    JsonNode parse = unparsed.at("/issues/0");
    assertThat(parse.get("severity").asText()).isEqualTo("fatal");
    assertThat(parse.get("source").asText()).isEqualTo("parser");
    for (String key : List.of("expression", "line", "column", "messageId")) {
      assertThat(parse.get(key).isNull()).as(key).isTrue();
    }

    JsonNode inBundle = results.get(3);
    assertThat(inBundle.get("location").asText()).isEqualTo("Bundle.entry[2].resource");
    assertThat(inBundle.at("/issues/0/expression").asText())
        .isEqualTo("Bundle.entry[2].resource.note[0]");
    assertThat(inBundle.at("/issues/0/severity").asText()).isEqualTo("information");
    assertThat(inBundle.at("/issues/0/source").asText()).isEqualTo("profile");
    // escaping: quotes, non-ASCII, control characters all round-trip
    assertThat(inBundle.at("/issues/0/message").asText()).isEqualTo(ReportFixtures.NOTE.message());
  }

  @Test
  void isUtf8PrettyPrintedWithNewlineAtEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportFixtures.report().replay(OutputFormat.JSON.toStream(bytes, OPTIONS));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\n  \"tool\": {\n    \"name\": \"taskcheck\",");
    assertThat(text)
        .contains("\n  \"results\": [\n    {\n      \"source\": \"samples/task-1.json\",");
    assertThat(text).endsWith("\n  ]\n}\n");
    assertThat(text).doesNotContain("\r");
    assertThat(text).contains("\u00e9\u4e2d");
  }

  @Test
  void spilledOutputIsIdenticalToInMemoryOutput(@TempDir Path spillDir) throws IOException {
    // enough results to get past the generator's own buffer
    Report report = ReportFixtures.report(Collections.nCopies(200, ReportFixtures.WITH_ISSUES));
    String inMemory = render(OutputFormat.JSON, report, OPTIONS);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonReportWriter writer = new JsonReportWriter(bytes, spillDir, 100)) {
      writer.start(report.run());
      for (Result r : report.results()) {
        writer.result(r);
      }
      assertThat(writer.spill().file()).isNotNull().exists();
      writer.finish(report.summary(), report.timings());
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(inMemory);
    assertThat(listFiles(spillDir)).isEmpty();
  }

  @Test
  void closeWithoutFinishWritesNothingAndDeletesTheSpillFile(@TempDir Path spillDir)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonReportWriter writer = new JsonReportWriter(bytes, spillDir, 100);
    writer.start(ReportFixtures.run("auto"));
    for (int i = 0; i < 200; i++) {
      writer.result(ReportFixtures.WITH_ISSUES);
    }
    assertThat(listFiles(spillDir)).hasSize(1);

    writer.close();

    assertThat(bytes.size()).isZero();
    assertThat(listFiles(spillDir)).isEmpty();
  }

  @Test
  void twoHundredThousandResultsSpillToAFileAndComeOutInOrder(@TempDir Path dir)
      throws IOException {
    int n = 200_000;
    Path spillDir = Files.createDirectory(dir.resolve("spill"));
    Path out = dir.resolve("report.json");
    try (OutputStream file = Files.newOutputStream(out);
        JsonReportWriter writer =
            new JsonReportWriter(file, spillDir, SpillBuffer.DEFAULT_MEMORY_LIMIT)) {
      writer.start(ReportFixtures.run("auto"));
      for (int i = 0; i < n; i++) {
        writer.result(
            new Result("in/" + i, null, null, "Task/" + i, null, FhirRelease.R4, null, List.of()));
      }
      Path spill = writer.spill().file();
      assertThat(spill).isNotNull().exists();
      writer.finish(
          new Summary(n, n, n, 0, 0, 0, 0, 0, Map.of(FhirRelease.R4, (long) n)),
          new Timings(1, 1L, 1L));
      assertThat(spill).doesNotExist();
    }
    assertThat(listFiles(spillDir)).isEmpty();

    List<String> topLevel = new ArrayList<>();
    int count = 0;
    try (InputStream in = Files.newInputStream(out);
        JsonParser p = new JsonFactory().createParser(in)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        topLevel.add(name);
        p.nextToken();
        if (!name.equals("results")) {
          p.skipChildren();
          continue;
        }
        assertThat(p.currentToken()).isEqualTo(JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          assertThat(p.nextFieldName()).isEqualTo("source");
          assertThat(p.nextTextValue()).isEqualTo("in/" + count);
          while (p.nextToken() != JsonToken.END_OBJECT) {
            p.skipChildren();
          }
          count++;
        }
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isNull();
    }
    assertThat(count).isEqualTo(n);
    assertThat(topLevel).endsWith("summary", "timings", "results");
  }

  @Test
  void noMetricsObjectWithoutMetrics() throws IOException {
    JsonNode root = parse(render(OutputFormat.JSON, ReportFixtures.report(), OPTIONS));
    assertThat(root.has("metrics")).isFalse();
  }

  @Test
  void metricsComeAfterTimingsWithDurationsInMilliseconds() throws IOException {
    JsonNode root =
        parse(
            render(
                OutputFormat.JSON, ReportFixtures.withMetrics(ReportFixtures.metrics()), OPTIONS));

    assertThat(keys(root))
        .containsExactly(
            "tool",
            "fhirVersion",
            "fhirVersionSetting",
            "ruleSet",
            "engine",
            "now",
            "startedAt",
            "summary",
            "timings",
            "metrics",
            "results");
    JsonNode m = root.get("metrics");
    assertThat(keys(m))
        .containsExactly(
            "histories",
            "versions",
            "timeInStatus",
            "waitTime",
            "timeInProgress",
            "timeToCompletion",
            "stuckAfterMs",
            "stuckCount",
            "stuck",
            "latestStatus",
            "workflows");
    assertThat(m.get("histories").asLong()).isEqualTo(12);
    assertThat(m.get("versions").asLong()).isEqualTo(40);
    // statuses in code order, whatever order the map had
    assertThat(keys(m.get("timeInStatus"))).containsExactly("in-progress", "requested");
    JsonNode requested = m.at("/timeInStatus/requested");
    assertThat(keys(requested)).containsExactly("count", "medianMs", "p90Ms", "maxMs", "histogram");
    assertThat(requested.get("histogram").size()).isZero();
    assertThat(requested.get("count").asLong()).isEqualTo(12);
    assertThat(requested.get("medianMs").asLong()).isEqualTo(125 * 60_000L);
    assertThat(requested.get("p90Ms").asLong()).isEqualTo(27 * 3_600_000L);
    assertThat(requested.get("maxMs").asLong()).isEqualTo(2 * 86_400_000L);
    assertThat(m.at("/waitTime/medianMs").asLong()).isEqualTo(125 * 60_000L);
    assertThat(m.at("/timeInProgress/count").asLong()).isEqualTo(9);
    assertThat(m.at("/timeInProgress/maxMs").asLong()).isEqualTo(3 * 86_400_000L);
    // nothing completed: a count of 0 and null durations
    JsonNode completion = m.get("timeToCompletion");
    assertThat(keys(completion))
        .containsExactly("count", "medianMs", "p90Ms", "maxMs", "histogram");
    assertThat(completion.get("count").asLong()).isZero();
    for (String k : List.of("medianMs", "p90Ms", "maxMs")) {
      assertThat(completion.get(k).isNull()).as(k).isTrue();
    }
    assertThat(m.get("stuckAfterMs").asLong()).isEqualTo(7 * 86_400_000L);
    assertThat(m.get("stuckCount").asLong()).isEqualTo(2);
    assertThat(m.get("stuck").size()).isEqualTo(2);
    JsonNode first = m.at("/stuck/0");
    assertThat(keys(first))
        .containsExactly("resource", "versionId", "source", "line", "status", "since", "idleMs");
    assertThat(first.get("resource").asText()).isEqualTo("Task/t-1");
    assertThat(first.get("versionId").asText()).isEqualTo("4");
    assertThat(first.get("source").asText()).isEqualTo("tasks/t-1.json");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("status").asText()).isEqualTo("in-progress");
    assertThat(first.get("since").asText()).isEqualTo("2026-11-01T08:00:00Z");
    assertThat(first.get("idleMs").asLong()).isEqualTo(20 * 86_400_000L + 2 * 3_600_000L);
    assertThat(m.at("/stuck/1/versionId").isNull()).isTrue();
    assertThat(m.at("/stuck/1/since").asText()).isEqualTo("2026-11-10");
    // the histogram's bins in milliseconds
    JsonNode bins = m.at("/timeInProgress/histogram");
    assertThat(bins.size()).isEqualTo(4);
    assertThat(keys(bins.get(0))).containsExactly("fromMs", "toMs", "count");
    assertThat(bins.get(0).get("fromMs").asLong()).isEqualTo(4 * 3_600_000L);
    assertThat(bins.get(0).get("toMs").asLong()).isEqualTo(12 * 3_600_000L);
    assertThat(bins.get(0).get("count").asLong()).isEqualTo(5);
    // latest statuses in code order; the workflow with every edge and its count
    assertThat(keys(m.get("latestStatus"))).containsExactly("in-progress", "requested");
    assertThat(m.at("/latestStatus/in-progress").asLong()).isEqualTo(9);
    JsonNode flow = m.at("/workflows/0");
    assertThat(keys(flow))
        .containsExactly("machine", "statuses", "initial", "terminal", "changes", "edges");
    assertThat(flow.get("machine").asText()).isEqualTo("base-r4");
    assertThat(flow.get("changes").asLong()).isEqualTo(25);
    assertThat(flow.get("edges").size()).isEqualTo(8);
    JsonNode refused = flow.at("/edges/7");
    assertThat(keys(refused)).containsExactly("from", "to", "kind", "count");
    assertThat(refused.get("from").asText()).isEqualTo("requested");
    assertThat(refused.get("to").asText()).isEqualTo("completed");
    assertThat(refused.get("kind").asText()).isEqualTo("refused");
    assertThat(refused.get("count").asLong()).isEqualTo(1);

    JsonNode result = root.at("/results/0");
    assertThat(result.get("resource").asText()).isEqualTo("Task/lab-order-7");
    assertThat(result.get("versionId").asText()).isEqualTo("3");
    assertThat(result.at("/issues/0/ruleId").asText()).isEqualTo("transition-1");
    assertThat(result.at("/issues/0/source").asText()).isEqualTo("transition");
  }

  @Test
  void stuckTasksWithoutHistories() throws IOException {
    JsonNode m =
        parse(
                render(
                    OutputFormat.JSON,
                    ReportFixtures.withMetrics(ReportFixtures.stuckOnly(3)),
                    OPTIONS))
            .get("metrics");
    assertThat(m.get("histories").asLong()).isZero();
    assertThat(m.get("versions").asLong()).isZero();
    assertThat(m.get("timeInStatus").isObject()).isTrue();
    assertThat(m.get("timeInStatus").size()).isZero();
    assertThat(m.at("/waitTime/count").asLong()).isZero();
    assertThat(m.at("/waitTime/medianMs").isNull()).isTrue();
    assertThat(m.get("stuckAfterMs").asLong()).isEqualTo(36 * 3_600_000L);
    assertThat(m.get("stuckCount").asLong()).isEqualTo(3);
    assertThat(m.get("stuck").size()).isEqualTo(3);
  }

  @Test
  void noStuckThresholdIsNull() throws IOException {
    LifecycleMetrics full = ReportFixtures.metrics();
    LifecycleMetrics noThreshold =
        new LifecycleMetrics(
            full.histories(),
            full.versions(),
            full.timeInStatus(),
            full.waitTime(),
            full.timeInProgress(),
            full.timeToCompletion(),
            null,
            0,
            List.of());
    JsonNode m =
        parse(render(OutputFormat.JSON, ReportFixtures.withMetrics(noThreshold), OPTIONS))
            .get("metrics");
    assertThat(m.get("stuckAfterMs").isNull()).isTrue();
    assertThat(m.get("stuckCount").asLong()).isZero();
    assertThat(m.get("stuck").isArray()).isTrue();
    assertThat(m.get("stuck").size()).isZero();
  }

  @Test
  void metricsReachAFileReportWrittenAtomically(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out").resolve("taskcheck.json");
    try (ReportOutput out = OutputFormat.JSON.toFile(file, OPTIONS)) {
      ReportFixtures.withMetrics(ReportFixtures.metrics()).replay(out);
    }
    assertThat(listFiles(file.getParent())).containsExactly(file);
    JsonNode root = parse(Files.readString(file));
    assertThat(root.at("/metrics/stuckCount").asLong()).isEqualTo(2);
    assertThat(root.at("/metrics/histories").asLong()).isEqualTo(12);
  }

  static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
