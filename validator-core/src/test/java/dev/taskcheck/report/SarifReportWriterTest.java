package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.taskcheck.NetworkGuard;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.model.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReportWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RenderOptions OPTIONS = RenderOptions.defaults();
  private static final String SCHEMA_ID =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** A source root that exists nowhere, to show the URI forms. */
  private static final Path ROOT = Path.of("/work/my project").toAbsolutePath();

  private static JsonSchema schema;

  /**
   * The official SARIF 2.1.0 schema (OASIS, errata 01; draft-04), read from the test classpath. Its
   * references are internal ({@code #/definitions/...}), resolved against its {@code id}; that id
   * is mapped to the classpath copy as well, so nothing is ever fetched.
   */
  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      JsonNode raw = MAPPER.readTree(in);
      assertThat(raw.path("id").asText()).isEqualTo(SCHEMA_ID);
      assertThat(raw.path("title").asText())
          .isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
    }
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            b ->
                b.schemaMappers(
                    m -> m.mapPrefix(SCHEMA_ID, "classpath:sarif/sarif-schema-2.1.0.json")));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    schema =
        factory.getSchema(SchemaLocation.of("classpath:sarif/sarif-schema-2.1.0.json"), config);
    schema.initializeValidators();
  }

  private static Set<ValidationMessage> schemaErrors(JsonNode log) {
    return schema.validate(log);
  }

  private static void assertValid(JsonNode log) {
    assertThat(schemaErrors(log)).isEmpty();
    assertThat(NetworkGuard.attempts())
        .noneMatch(a -> a.contains("oasis") || a.contains("json-schema.org"));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders through the public API: sources relative to the current directory. */
  private static JsonNode sarif(Report report) {
    return parse(render(OutputFormat.SARIF, report, OPTIONS));
  }

  /** Renders with {@link #ROOT} as the source root. */
  private static JsonNode sarifAt(Path root, Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ReportOutput out =
        new SarifReportWriter(bytes, OPTIONS, null, root, SpillBuffer.DEFAULT_MEMORY_LIMIT)) {
      report.replay(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(bytes.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode run(JsonNode log) {
    return log.path("runs").get(0);
  }

  private static List<JsonNode> results(JsonNode log) {
    List<JsonNode> out = new ArrayList<>();
    run(log).path("results").forEach(out::add);
    return out;
  }

  private static JsonNode rule(JsonNode log, String id) {
    for (JsonNode r : run(log).at("/tool/driver/rules")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode artifact(JsonNode result) {
    return result.at("/locations/0/physicalLocation/artifactLocation");
  }

  private static Result withSource(String source, Issue... issues) {
    return new Result(source, null, 1, "Task/t", null, FhirRelease.R4, null, List.of(issues));
  }

  // ---- (1) every fixture report is a valid SARIF 2.1.0 log ----

  static Stream<Arguments> fixtureReports() {
    Report empty =
        new Report(
            ReportFixtures.run("R4"),
            List.of(),
            new Summary(0, 0, 0, 0, 0, 0, 0, 0, Map.of()),
            new Timings(12, null, null));
    return Stream.of(
        Arguments.of(
            "four results: errors, a warning, a parse fatal, a note in a Bundle",
            ReportFixtures.report()),
        Arguments.of(
            "a suppressed issue", ReportFixtures.report(List.of(ReportFixtures.WITH_SUPPRESSED))),
        Arguments.of(
            "a document that did not parse",
            ReportFixtures.report(List.of(ReportFixtures.UNPARSED))),
        Arguments.of(
            "a transition result with lifecycle metrics",
            ReportFixtures.withMetrics(ReportFixtures.metrics())),
        Arguments.of("stuck Tasks only", ReportFixtures.withMetrics(ReportFixtures.stuckOnly(3))),
        Arguments.of("an empty run", empty),
        Arguments.of(
            "standard input and unusual paths",
            ReportFixtures.report(
                List.of(
                    withSource("-", ReportFixtures.INTENT),
                    withSource("/tmp/my data/t\u00e4sk #1.json", ReportFixtures.BINDING),
                    withSource("C:\\Users\\me\\tasks\\a b.json", ReportFixtures.BINDING),
                    withSource("\\\\server\\share\\t.json", ReportFixtures.BINDING),
                    withSource("../up/[x]{y}%z?.json", ReportFixtures.BINDING),
                    withSource("dir:with:colons/t.json", ReportFixtures.BINDING)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureReports")
  void fixtureReportsAreValidSarif(String name, Report report) {
    JsonNode log = sarif(report);
    assertValid(log);
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("$schema").asText()).isEqualTo(SCHEMA_ID);
    assertThat(log.path("runs")).hasSize(1);
    assertValid(sarifAt(ROOT, report));
  }

  @Test
  void theSchemaRejectsWhatIsNotSarif() {
    ObjectNode log = (ObjectNode) sarif(ReportFixtures.report());
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
    assertThat(schemaErrors(log)).isNotEmpty();

    ObjectNode noTool = (ObjectNode) sarif(ReportFixtures.report());
    ((ObjectNode) noTool.at("/runs/0")).remove("tool");
    assertThat(schemaErrors(noTool)).isNotEmpty();

    ObjectNode badUri = (ObjectNode) sarif(ReportFixtures.report());
    ((ObjectNode) badUri.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
        .put("uri", "samples/my task.json");
    assertThat(schemaErrors(badUri)).isNotEmpty();
  }

  // ---- (2) structure ----

  @Test
  void everyFindingIsAResultWithItsRuleAndLevel() {
    JsonNode log = sarif(ReportFixtures.report());

    assertThat(results(log))
        .extracting(r -> r.path("ruleId").asText())
        .containsExactly("structure-binding", "status-1", "parse-json", "inv-1");
    assertThat(results(log))
        .extracting(r -> r.path("level").asText())
        .containsExactly("error", "warning", "error", "note");
    assertThat(results(log))
        .extracting(r -> r.at("/properties/severity").asText())
        .containsExactly("error", "warning", "fatal", "information");
    assertThat(results(log))
        .allSatisfy(
            r -> {
              assertThat(r.at("/message/text").asText()).isNotBlank();
              assertThat(r.path("locations")).hasSize(1);
              assertThat(
                      r.at(
                              "/partialFingerprints/"
                                  + SarifReportWriter.FINGERPRINT.replace("/", "~1"))
                          .asText())
                  .matches("[0-9a-f]{32}:1");
            });
  }

  @Test
  void ruleIndexPointsAtTheRuleAndUnlistedRulesAreAdded() {
    JsonNode log =
        sarif(
            ReportFixtures.report(
                List.of(
                    ReportFixtures.WITH_ISSUES,
                    ReportFixtures.IN_BUNDLE,
                    ReportFixtures.UNPARSED,
                    ReportFixtures.IN_BUNDLE)));
    JsonNode rules = run(log).at("/tool/driver/rules");
    List<RuleInfo> listed = ReportFixtures.RULES;

    for (int i = 0; i < listed.size(); i++) {
      assertThat(rules.get(i).path("id").asText()).isEqualTo(listed.get(i).id());
    }
    // inv-1 (a base invariant) and parse-json are not in the run's list: appended once, in order of
    // first use
    assertThat(rules).hasSize(listed.size() + 2);
    assertThat(rules.get(listed.size()).path("id").asText()).isEqualTo("inv-1");
    assertThat(rules.get(listed.size() + 1).path("id").asText()).isEqualTo("parse-json");
    for (JsonNode r : results(log)) {
      assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(r.path("ruleId").asText());
    }
    assertThat(rules.get(listed.size()).path("helpUri").isMissingNode()).isTrue();
    assertThat(rules.get(listed.size()).at("/properties/category").asText()).isEqualTo("base");
  }

  @Test
  void catalogRulesCarryTheirDocumentationAndRunSeverity() {
    JsonNode log = sarif(ReportFixtures.report());
    RuleInfo status1 = ReportFixtures.run("auto").rule("status-1");
    assertThat(status1).isNotNull();

    JsonNode r = rule(log, "status-1");
    assertThat(r.path("name").asText()).isEqualTo(status1.name());
    assertThat(r.path("helpUri").asText())
        .isEqualTo("https://taskcheck.dev/docs/rules/status-1.md")
        .isEqualTo(status1.docUrl());
    assertThat(r.at("/shortDescription/text").asText()).isEqualTo(status1.summary());
    assertThat(r.at("/fullDescription/text").asText()).startsWith(status1.summary());
    assertThat(r.at("/defaultConfiguration/level").asText())
        .isEqualTo(SarifReportWriter.level(status1.severity()));
    assertThat(r.at("/properties/category").asText()).isEqualTo(status1.category());
    assertThat(r.at("/properties/severity").asText()).isEqualTo(status1.severity().code());
    List<String> versions = new ArrayList<>();
    r.at("/properties/fhirVersions").forEach(v -> versions.add(v.asText()));
    assertThat(versions)
        .containsExactlyElementsOf(status1.versions().stream().map(FhirRelease::code).toList());

    JsonNode parse = rule(log, "structure-parse");
    assertThat(parse.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(parse.at("/properties/severity").asText()).isEqualTo("fatal");
    assertThat(parse.path("helpUri").asText())
        .isEqualTo("https://taskcheck.dev/README.md#finding-ids");

    JsonNode driver = run(log).at("/tool/driver");
    assertThat(driver.path("name").asText()).isEqualTo("TaskCheck");
    assertThat(driver.path("version").asText()).isEqualTo("0.1.0");
    assertThat(driver.path("informationUri").asText()).isEqualTo("https://taskcheck.dev");
  }

  @Test
  void levelsFollowTheRunSeverityOfEachRule() {
    assertThat(SarifReportWriter.level(Severity.FATAL)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.ERROR)).isEqualTo("error");
    assertThat(SarifReportWriter.level(Severity.WARNING)).isEqualTo("warning");
    assertThat(SarifReportWriter.level(Severity.INFORMATION)).isEqualTo("note");
    JsonNode log = sarif(ReportFixtures.report());
    for (RuleInfo r : ReportFixtures.RULES) {
      assertThat(rule(log, r.id()).at("/defaultConfiguration/level").asText())
          .as(r.id())
          .isEqualTo(SarifReportWriter.level(r.severity()));
    }
  }

  @Test
  void regionsAndLogicalLocations() {
    List<JsonNode> rs = results(sarif(ReportFixtures.report()));

    JsonNode binding = rs.get(0);
    assertThat(binding.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
    assertThat(binding.at("/locations/0/physicalLocation/region/startColumn").asInt())
        .isEqualTo(13);
    assertThat(binding.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Task.status");
    assertThat(binding.at("/locations/0/logicalLocations/1/fullyQualifiedName").asText())
        .isEqualTo("Task/abc/_history/2");
    assertThat(binding.at("/locations/0/logicalLocations/1/kind").asText()).isEqualTo("resource");
    assertThat(binding.at("/properties/resource").asText()).isEqualTo("Task/abc");
    assertThat(binding.at("/properties/versionId").asText()).isEqualTo("2");
    assertThat(binding.at("/properties/fhirVersion").asText()).isEqualTo("R4");
    assertThat(binding.at("/properties/engine").asText()).isEqualTo("reference");
    assertThat(binding.at("/properties/messageId").asText()).isEqualTo("Terminology_TX_NoValid_16");

    JsonNode intent = rs.get(1);
    assertThat(intent.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(6);
    assertThat(intent.at("/locations/0/physicalLocation/region/startColumn").isMissingNode())
        .isTrue();

    // a document that did not parse: the file, no line, no expression, no resource
    JsonNode fatal = rs.get(2);
    assertThat(artifact(fatal).path("uri").asText()).isEqualTo("samples/broken.json");
    assertThat(fatal.at("/locations/0/physicalLocation/region").isMissingNode()).isTrue();
    assertThat(fatal.at("/locations/0/logicalLocations").isMissingNode()).isTrue();
    assertThat(fatal.at("/properties/engine").isMissingNode()).as("no engine ran").isTrue();

    JsonNode note = rs.get(3);
    assertThat(note.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(30);
    assertThat(note.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(7);
    assertThat(note.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Bundle.entry[2].resource.note[0]");
    assertThat(note.at("/locations/0/logicalLocations/1/fullyQualifiedName").asText())
        .isEqualTo("Task/xyz");
    assertThat(note.at("/properties/resourceLocation").asText())
        .isEqualTo("Bundle.entry[2].resource");
  }

  @Test
  void aFindingWithoutALineIsPlacedWhereItsResourceStarts() {
    Issue noLine =
        new Issue(
            "status-1",
            Severity.WARNING,
            "business-rule",
            "Task",
            null,
            null,
            "m",
            IssueSource.RULE,
            null);
    Result r =
        new Result("tasks.ndjson", null, 7, "Task/n", null, FhirRelease.R4, null, List.of(noLine));
    JsonNode result = results(sarif(ReportFixtures.report(List.of(r)))).get(0);
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
    assertThat(result.at("/locations/0/physicalLocation/region/startColumn").isMissingNode())
        .isTrue();
  }

  @Test
  void suppressedFindingsAreResultsWithTheirSuppression() {
    JsonNode log =
        sarif(
            ReportFixtures.report(
                List.of(ReportFixtures.WITH_ISSUES, ReportFixtures.WITH_SUPPRESSED)));
    List<JsonNode> rs = results(log);
    assertThat(rs).hasSize(3);
    assertThat(rs.subList(0, 2))
        .allSatisfy(r -> assertThat(r.path("suppressions").isMissingNode()).isTrue());

    JsonNode s = rs.get(2);
    assertThat(s.path("ruleId").asText()).isEqualTo("status-1");
    assertThat(s.path("level").asText()).isEqualTo("warning");
    assertThat(s.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Task.intent");
    assertThat(s.path("suppressions")).hasSize(1);
    assertThat(s.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(s.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(s.at("/suppressions/0/justification").asText())
        .isEqualTo("plans are tracked as proposals here");
    assertThat(s.at("/suppressions/0/properties/declaredAt").asText())
        .isEqualTo("suppressions.json:4");
  }

  @Test
  void srcrootIsTheRunsWorkingDirectory() {
    RunInfo base = ReportFixtures.run("R4");
    RunInfo elsewhere =
        new RunInfo(
            base.toolName(),
            base.toolVersion(),
            base.fhirVersion(),
            base.ruleSet(),
            base.engine(),
            base.now(),
            base.startedAt(),
            base.rules(),
            ROOT.resolve("module-a").toString());
    Report report = ReportFixtures.report();
    Report moved =
        new Report(
            elsewhere, report.results(), report.summary(), report.timings(), report.metrics());
    JsonNode log = sarif(moved);
    assertValid(log);
    assertThat(run(log).at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(FileUris.directoryUri(ROOT.resolve("module-a").toString()))
        .endsWith("/my%20project/module-a/");
  }

  @Test
  void relativeSourcesAreRelativeToSrcroot() {
    JsonNode log =
        sarifAt(
            ROOT,
            ReportFixtures.report(
                List.of(
                    withSource("samples/task-1.json", ReportFixtures.BINDING),
                    withSource("./samples/sub dir/../task 2.json", ReportFixtures.BINDING),
                    withSource("samples\\win dir\\t.json", ReportFixtures.BINDING),
                    withSource("../outside/t\u00e4sk #1?.json", ReportFixtures.BINDING),
                    withSource("dir:colon/t.json", ReportFixtures.BINDING))));
    String root = ROOT.toUri().toString();

    assertThat(run(log).at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(FileUris.directoryUri(ROOT.toString()))
        .endsWith("/my%20project/")
        .isEqualTo(root.endsWith("/") ? root : root + "/");
    assertThat(run(log).at("/invocations/0/workingDirectory/uri").asText())
        .isEqualTo(run(log).at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    assertThat(results(log))
        .allSatisfy(r -> assertThat(artifact(r).path("uriBaseId").asText()).isEqualTo("%SRCROOT%"));
    assertThat(results(log))
        .extracting(r -> artifact(r).path("uri").asText())
        .containsExactly(
            "samples/task-1.json",
            "samples/task%202.json",
            "samples/win%20dir/t.json",
            "../outside/t%C3%A4sk%20%231%3F.json",
            "dir%3Acolon/t.json");
  }

  @Test
  void absoluteSourcesAreFileUris() {
    JsonNode log =
        sarifAt(
            ROOT,
            ReportFixtures.report(
                List.of(
                    withSource("/tmp/my data/t.json", ReportFixtures.BINDING),
                    withSource("C:\\Users\\me\\tasks\\a b.json", ReportFixtures.BINDING),
                    withSource("D:/data/./x/../t.json", ReportFixtures.BINDING),
                    withSource("\\\\server\\share\\t 1.json", ReportFixtures.BINDING))));

    assertThat(results(log))
        .allSatisfy(r -> assertThat(artifact(r).path("uriBaseId").isMissingNode()).isTrue());
    assertThat(results(log))
        .extracting(r -> artifact(r).path("uri").asText())
        .containsExactly(
            "file:///tmp/my%20data/t.json",
            "file:///C:/Users/me/tasks/a%20b.json",
            "file:///D:/data/t.json",
            "file://server/share/t%201.json");
  }

  @Test
  void standardInputHasADescriptionAndNoUri() {
    JsonNode log = sarif(ReportFixtures.report(List.of(withSource("-", ReportFixtures.BINDING))));
    JsonNode a = artifact(results(log).get(0));
    assertThat(a.path("uri").isMissingNode()).isTrue();
    assertThat(a.at("/description/text").asText()).isEqualTo("standard input");
    assertThat(results(log).get(0).at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(5);
  }

  @Test
  void theSummaryCountsTheTasksEachEngineChecked() {
    JsonNode summary = run(sarif(ReportFixtures.report())).at("/invocations/0/properties/summary");
    assertThat(summary.at("/engines/fast").asLong()).isEqualTo(1);
    assertThat(summary.at("/engines/reference").asLong()).isEqualTo(2);
  }

  @Test
  void invocationAndRunProperties() {
    JsonNode log = sarif(ReportFixtures.withMetrics(ReportFixtures.metrics()));
    JsonNode invocation = run(log).at("/invocations/0");
    assertThat(run(log).path("invocations")).hasSize(1);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.path("startTimeUtc").asText()).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(invocation.path("endTimeUtc").asText()).isEqualTo("2026-11-21T10:00:01.357Z");
    assertThat(invocation.at("/properties/ruleSet").asText()).isEqualTo("recommended");
    assertThat(invocation.at("/properties/failOn").asText()).isEqualTo("error");
    assertThat(invocation.at("/properties/failLevelReached").asBoolean()).isTrue();
    assertThat(invocation.at("/properties/summary/error").asLong()).isEqualTo(1);
    assertThat(invocation.at("/properties/summary/documents").asLong()).isEqualTo(1);
    assertThat(invocation.at("/properties/timings/elapsedMs").asLong()).isEqualTo(1234);

    JsonNode metrics = run(log).at("/properties/metrics");
    assertThat(metrics.path("histories").asLong()).isEqualTo(12);
    assertThat(metrics.path("stuckCount").asLong()).isEqualTo(2);
    assertThat(metrics.at("/waitTime/medianMs").asLong()).isEqualTo(125 * 60_000L);
    assertThat(metrics.path("stuck")).hasSize(2);

    JsonNode transition = results(log).get(0);
    assertThat(transition.path("ruleId").asText()).isEqualTo("transition-1");
    assertThat(transition.at("/properties/stage").asText()).isEqualTo("transition");
    assertThat(transition.at("/locations/0/logicalLocations/1/fullyQualifiedName").asText())
        .isEqualTo("Task/lab-order-7/_history/3");

    assertThat(run(sarif(ReportFixtures.report())).path("properties").isMissingNode()).isTrue();
    assertThat(
            run(parse(
                    render(OutputFormat.SARIF, ReportFixtures.report(), OPTIONS.withFailOn(null))))
                .at("/invocations/0/properties/failOn")
                .asText())
        .isEqualTo("none");
  }

  @Test
  void anEmptyRunListsTheRulesAndNoResult() {
    Report empty =
        new Report(
            ReportFixtures.run("R4"),
            List.of(),
            new Summary(0, 0, 0, 0, 0, 0, 0, 0, Map.of()),
            new Timings(12, null, null));
    JsonNode log = sarif(empty);
    assertThat(run(log).path("results").isArray()).isTrue();
    assertThat(run(log).path("results")).isEmpty();
    assertThat(run(log).at("/tool/driver/rules")).hasSize(ReportFixtures.RULES.size());
    assertThat(run(log).at("/invocations/0/properties/failLevelReached").asBoolean()).isFalse();
  }

  @Test
  void fingerprintsAreStableAndDoNotMoveWithTheLine() {
    List<JsonNode> once = results(sarif(ReportFixtures.report()));
    List<JsonNode> again = results(sarif(ReportFixtures.report()));
    String key = "/partialFingerprints/" + SarifReportWriter.FINGERPRINT.replace("/", "~1");
    assertThat(once)
        .extracting(r -> r.at(key).asText())
        .containsExactlyElementsOf(again.stream().map(r -> r.at(key).asText()).toList())
        .doesNotHaveDuplicates();

    Issue moved = ReportFixtures.BINDING.withLocation("Task.status", 50, 1);
    Result r =
        new Result(
            "samples/task-1.json", null, 1, "Task/abc", "2", FhirRelease.R4, null, List.of(moved));
    assertThat(results(sarif(ReportFixtures.report(List.of(r)))).get(0).at(key).asText())
        .isEqualTo(once.get(0).at(key).asText());

    // the same finding twice in one resource: same hash, counted
    Result twice =
        new Result(
            "a.json",
            null,
            1,
            "Task/a",
            null,
            FhirRelease.R4,
            null,
            List.of(
                ReportFixtures.BINDING, ReportFixtures.BINDING.withLocation("Task.status", 9, 9)));
    List<JsonNode> rs = results(sarif(ReportFixtures.report(List.of(twice))));
    String first = rs.get(0).at(key).asText();
    assertThat(first).endsWith(":1");
    assertThat(rs.get(1).at(key).asText()).isEqualTo(first.substring(0, first.length() - 1) + "2");
  }

  @Test
  void resultsSpillToAFileAndComeOutTheSame() throws IOException {
    Report big = ReportFixtures.report(Collections.nCopies(300, ReportFixtures.WITH_ISSUES));
    String expected = render(OutputFormat.SARIF, big, OPTIONS);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path cwd = Path.of("").toAbsolutePath();
    SarifReportWriter w = new SarifReportWriter(bytes, OPTIONS, null, cwd, 4096);
    w.start(big.run());
    for (Result r : big.results()) {
      w.result(r);
    }
    Path spillFile = w.spill().file();
    assertThat(spillFile).isNotNull().exists();
    assertThat(bytes.size()).isZero();
    w.finish(big.summary(), big.timings());
    w.close();

    assertThat(spillFile).doesNotExist();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertValid(parse(expected));
    assertThat(results(parse(expected))).hasSize(600);
  }

  // ---- (3) a real run ----

  @Test
  void aRealRunOverTestDataIsValidSarif() {
    Path cwd = Path.of("").toAbsolutePath();
    Path dom6 = TestData.path("fixtures/structure/dom-6-r4.json");
    String relativeDom6 = cwd.relativize(dom6).toString();
    ValidationRequest request =
        ValidationRequest.builder()
            .input(relativeDom6)
            .input(TestData.path("fixtures/structure/binding-status-r4.json").toString())
            .input(TestData.path("bad-input/truncated.json").toString())
            .input(TestData.path("fixtures/structure/inv-1-r4.json").toString())
            .build();
    TaskCheck taskCheck =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4)
            .suppressions(
                List.of(
                    new Suppression(
                        "date-4",
                        "Task.lastModified",
                        null,
                        "checked by hand",
                        null,
                        "suppressions.json:2")))
            .build();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ReportOutput out = OutputFormat.SARIF.toStream(bytes, OPTIONS)) {
      taskCheck.validate(request, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode log = parse(bytes.toString(StandardCharsets.UTF_8));
    assertValid(log);

    List<JsonNode> rs = results(log);
    assertThat(rs)
        .extracting(r -> r.path("ruleId").asText())
        .containsExactly("dom-6", "structure-binding", "structure-parse", "date-1", "date-4");
    JsonNode rules = run(log).at("/tool/driver/rules");
    for (JsonNode r : rs) {
      assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(r.path("ruleId").asText());
    }
    assertThat(rule(log, "dom-6").path("helpUri").asText())
        .isEqualTo("https://hl7.org/fhir/domainresource.html");

    JsonNode dom6Result = rs.get(0);
    assertThat(dom6Result.path("level").asText()).isEqualTo("warning");
    assertThat(artifact(dom6Result).path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(artifact(dom6Result).path("uri").asText())
        .isEqualTo(relativeDom6.replace('\\', '/'));
    assertThat(dom6Result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Task");

    JsonNode binding = rs.get(1);
    assertThat(artifact(binding).path("uri").asText())
        .startsWith("file:///")
        .endsWith("/fixtures/structure/binding-status-r4.json");
    assertThat(binding.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Task.status");
    assertThat(binding.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();

    JsonNode fatal = rs.get(2);
    assertThat(fatal.path("level").asText()).isEqualTo("error");
    assertThat(fatal.at("/properties/severity").asText()).isEqualTo("fatal");
    assertThat(artifact(fatal).path("uri").asText()).endsWith("/bad-input/truncated.json");

    assertThat(rs.get(3).path("suppressions").isMissingNode()).isTrue();
    assertThat(rs.get(4).at("/suppressions/0/justification").asText()).isEqualTo("checked by hand");
    assertThat(run(log).at("/invocations/0/properties/summary/suppressed").asLong()).isEqualTo(1);
  }
}
