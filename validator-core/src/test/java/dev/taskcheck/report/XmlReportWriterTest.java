package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class XmlReportWriterTest {

  private static final RenderOptions OPTIONS = RenderOptions.defaults();
  private static final String NS = XmlReportWriter.NAMESPACE;

  /** The schema, parsed once (Schema objects are immutable and thread-safe). */
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    URL xsd =
        Objects.requireNonNull(XmlReportWriter.class.getResource(XmlReportWriter.SCHEMA), "schema");
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return f.newSchema(xsd);
    } catch (SAXException e) {
      throw new AssertionError(e);
    }
  }

  /** Validates {@code xml} against the schema; a failure names the line. */
  static void assertValid(String xml) {
    try {
      SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new AssertionError(
          "not valid against "
              + XmlReportWriter.SCHEMA
              + ": "
              + e.getMessage()
              + "\n"
              + xml.substring(0, Math.min(xml.length(), 4000)),
          e);
    }
  }

  private static XPathDoc xml(Report report) {
    String text = render(OutputFormat.XML, report, OPTIONS);
    assertValid(text);
    return new XPathDoc(text);
  }

  static List<Report> reports() {
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
    return List.of(
        ReportFixtures.report(),
        ReportFixtures.withMetrics(ReportFixtures.metrics()),
        ReportFixtures.withMetrics(ReportFixtures.stuckOnly(3)),
        ReportFixtures.withMetrics(noThreshold),
        suppressedReport(),
        new Report(
            ReportFixtures.run("R4"),
            List.of(),
            new Summary(0, 0, 0, 0, 0, 0, 0, 0, Map.of()),
            new Timings(12, null, null)));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void everyFixtureIsValidAgainstTheSchema(Report report) {
    for (RenderOptions options :
        List.of(OPTIONS, OPTIONS.withFailOn(null), OPTIONS.withFailOn(Severity.WARNING))) {
      assertValid(render(OutputFormat.XML, report, options));
    }
  }

  @ParameterizedTest
  @MethodSource("reports")
  void theHtmlReportsFormIsValidAgainstTheSchema(Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XmlReportWriter w = XmlReportWriter.findingsOnly(bytes, OPTIONS, null, 2, 1)) {
      report.replay(w);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertValid(bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rootRunSummaryAndTimings() {
    XPathDoc d = xml(ReportFixtures.report());

    Element root = d.dom.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(NS);
    assertThat(root.getLocalName()).isEqualTo("report");
    assertThat(root.getAttribute("formatVersion")).isEqualTo("1");
    assertThat(d.s("/t:report/t:run/@tool")).isEqualTo("taskcheck");
    assertThat(d.s("/t:report/t:run/@toolVersion")).isEqualTo("0.1.0");
    assertThat(d.s("/t:report/t:run/@fhirVersion")).isEqualTo("mixed");
    assertThat(d.s("/t:report/t:run/@fhirVersionSetting")).isEqualTo("auto");
    assertThat(d.s("/t:report/t:run/@ruleSet")).isEqualTo("recommended");
    assertThat(d.s("/t:report/t:run/@engine")).isEqualTo("reference");
    assertThat(d.s("/t:report/t:run/@now")).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(d.s("/t:report/t:run/@startedAt")).isEqualTo("2026-11-21T10:00:00.123Z");
    assertThat(d.s("/t:report/t:run/@failOn")).isEqualTo("error");

    assertThat(d.n("/t:report/t:summary/@inputs")).isEqualTo(3);
    assertThat(d.n("/t:report/t:summary/@documents")).isEqualTo(3);
    assertThat(d.n("/t:report/t:summary/@resources")).isEqualTo(3);
    assertThat(d.n("/t:report/t:summary/@skipped")).isEqualTo(2);
    for (String s : List.of("fatal", "error", "warning", "information")) {
      assertThat(d.n("/t:report/t:summary/@" + s)).as(s).isEqualTo(1);
    }
    assertThat(d.n("/t:report/t:summary/@suppressed")).isZero();
    // fatal and error reach the default fail level
    assertThat(d.n("/t:report/t:summary/@failing")).isEqualTo(2);
    assertThat(d.s("/t:report/t:summary/@verdict")).isEqualTo("fail");
    assertThat(d.list("/t:report/t:summary/t:release/@name")).containsExactly("R4", "R5");
    assertThat(d.n("/t:report/t:summary/t:release[@name='R4']/@resources")).isEqualTo(2);
    assertThat(d.list("/t:report/t:summary/t:engine/@name")).containsExactly("fast", "reference");
    assertThat(d.n("/t:report/t:summary/t:engine[@name='fast']/@resources")).isEqualTo(1);
    assertThat(d.n("/t:report/t:summary/t:engine[@name='reference']/@resources")).isEqualTo(2);

    assertThat(d.n("/t:report/t:timings/@elapsedMs")).isEqualTo(1234);
    assertThat(d.n("/t:report/t:timings/@firstResultMs")).isEqualTo(900);
    assertThat(d.n("/t:report/t:timings/@processFirstResultMs")).isEqualTo(5000);
    assertThat(d.b("/t:report/t:metrics")).isFalse();
  }

  @Test
  void failLevelNoneAndWarning() {
    String none = render(OutputFormat.XML, ReportFixtures.report(), OPTIONS.withFailOn(null));
    XPathDoc d = new XPathDoc(none);
    assertThat(d.s("/t:report/t:run/@failOn")).isEqualTo("none");
    assertThat(d.n("/t:report/t:summary/@failing")).isZero();
    assertThat(d.s("/t:report/t:summary/@verdict")).isEqualTo("pass");

    XPathDoc w =
        new XPathDoc(
            render(
                OutputFormat.XML, ReportFixtures.report(), OPTIONS.withFailOn(Severity.WARNING)));
    assertThat(w.s("/t:report/t:run/@failOn")).isEqualTo("warning");
    assertThat(w.n("/t:report/t:summary/@failing")).isEqualTo(3);

    XPathDoc clean =
        new XPathDoc(
            render(
                OutputFormat.XML, ReportFixtures.report(List.of(ReportFixtures.CLEAN)), OPTIONS));
    assertThat(clean.s("/t:report/t:summary/@verdict")).isEqualTo("pass");
  }

  @Test
  void rulesInCatalogOrderWithThisRunsCountsThenIdsOutsideTheCatalog() {
    XPathDoc d = xml(ReportFixtures.report());

    List<String> catalog = ReportFixtures.RULES.stream().map(RuleInfo::id).toList();
    List<String> ids = d.list("/t:report/t:rules/t:rule/@id");
    assertThat(ids.subList(0, catalog.size())).isEqualTo(catalog);
    assertThat(d.list("/t:report/t:rules/t:rule[@catalog='true']/@id")).isEqualTo(catalog);
    // every rule id with a finding is listed once, whether the catalog has it or not
    for (String id : List.of("structure-binding", "status-1", "parse-json", "inv-1")) {
      assertThat(ids).as(id).containsOnlyOnce(id);
    }
    List<String> outside = d.list("/t:report/t:rules/t:rule[@catalog='false']/@id");
    assertThat(outside).isSorted().doesNotContainAnyElementsOf(catalog);

    RuleInfo status1 =
        ReportFixtures.RULES.stream()
            .filter(r -> r.id().equals("status-1"))
            .findFirst()
            .orElseThrow();
    String rule = "/t:report/t:rules/t:rule[@id='status-1']";
    assertThat(d.s(rule + "/@name")).isEqualTo(status1.name());
    assertThat(d.s(rule + "/@category")).isEqualTo(status1.category());
    assertThat(d.s(rule + "/@severity")).isEqualTo(status1.severity().code());
    assertThat(d.s(rule + "/@kind")).isEqualTo(status1.kind().code());
    assertThat(d.s(rule + "/@docUrl")).isEqualTo(status1.docUrl());
    assertThat(d.s(rule + "/t:summary")).isEqualTo(status1.summary());
    assertThat(d.s(rule + "/@versions").split(" "))
        .containsExactlyElementsOf(status1.versions().stream().map(FhirRelease::code).toList());
    assertThat(d.n(rule + "/@findings")).isEqualTo(1);
    assertThat(d.s(rule + "/@worstSeverity")).isEqualTo("warning");
    assertThat(d.n("/t:report/t:rules/t:rule[@id='structure-binding']/@findings")).isEqualTo(1);
    assertThat(d.s("/t:report/t:rules/t:rule[@id='structure-binding']/@worstSeverity"))
        .isEqualTo("error");
    assertThat(d.s("/t:report/t:rules/t:rule[@id='parse-json']/@worstSeverity")).isEqualTo("fatal");
    assertThat(d.s("/t:report/t:rules/t:rule[@id='inv-1']/@worstSeverity"))
        .isEqualTo("information");

    // a rule without findings: a count of 0 and no worst severity
    String quiet =
        catalog.stream()
            .filter(
                id -> !List.of("structure-binding", "status-1", "parse-json", "inv-1").contains(id))
            .findFirst()
            .orElseThrow();
    assertThat(d.n("/t:report/t:rules/t:rule[@id='" + quiet + "']/@findings")).isZero();
    assertThat(d.b("/t:report/t:rules/t:rule[@id='" + quiet + "']/@worstSeverity")).isFalse();
  }

  @Test
  void worstSeverityOfARuleIsTheWorstOfItsFindings() {
    Issue warning = ReportFixtures.INTENT;
    Issue error = warning.withSeverity(Severity.ERROR);
    Result a =
        new Result("a.json", null, 1, "Task/a", null, FhirRelease.R4, null, List.of(warning));
    Result b =
        new Result(
            "b.json", null, 1, "Task/b", null, FhirRelease.R4, null, List.of(error, warning));
    XPathDoc d = xml(ReportFixtures.report(List.of(a, b)));
    assertThat(d.n("/t:report/t:rules/t:rule[@id='status-1']/@findings")).isEqualTo(3);
    assertThat(d.s("/t:report/t:rules/t:rule[@id='status-1']/@worstSeverity")).isEqualTo("error");
  }

  @Test
  void filesInInputOrderWithTheirCounts() {
    Result again =
        new Result(
            "samples/task-1.json",
            null,
            40,
            "Task/later",
            "1",
            FhirRelease.R4,
            null,
            List.of(ReportFixtures.INTENT));
    List<Result> results = new ArrayList<>(ReportFixtures.RESULTS);
    results.add(again);
    XPathDoc d = xml(ReportFixtures.report(results));

    assertThat(d.list("/t:report/t:files/t:file/@source"))
        .containsExactly(
            "samples/task-1.json",
            "samples/task-2.json",
            "samples/broken.json",
            "samples/bundle.json");
    String task1 = "/t:report/t:files/t:file[@source='samples/task-1.json']";
    assertThat(d.n(task1 + "/@results")).isEqualTo(2);
    assertThat(d.n(task1 + "/@resources")).isEqualTo(2);
    assertThat(d.n(task1 + "/@error")).isEqualTo(1);
    assertThat(d.n(task1 + "/@warning")).isEqualTo(2);
    assertThat(d.n(task1 + "/@fatal")).isZero();
    String broken = "/t:report/t:files/t:file[@source='samples/broken.json']";
    assertThat(d.n(broken + "/@results")).isEqualTo(1);
    assertThat(d.n(broken + "/@resources")).isZero();
    assertThat(d.n(broken + "/@fatal")).isEqualTo(1);
    assertThat(d.b("/t:report/t:files/@unlisted")).isFalse();
  }

  @Test
  void resultsInOrderWithTheirIssues() {
    XPathDoc d = xml(ReportFixtures.report());

    assertThat(d.s("/t:report/t:results/@listing")).isEqualTo("complete");
    assertThat(d.list("/t:report/t:results/t:result/@source"))
        .containsExactly(
            "samples/task-1.json",
            "samples/task-2.json",
            "samples/broken.json",
            "samples/bundle.json");
    String first = "/t:report/t:results/t:result[1]";
    assertThat(d.b(first + "/@location")).isFalse();
    assertThat(d.n(first + "/@line")).isEqualTo(1);
    assertThat(d.s(first + "/@resource")).isEqualTo("Task/abc");
    assertThat(d.s(first + "/@versionId")).isEqualTo("2");
    assertThat(d.s(first + "/@fhirVersion")).isEqualTo("R4");
    assertThat(d.s(first + "/@engine")).isEqualTo("reference");
    assertThat(d.s("/t:report/t:results/t:result[2]/@engine")).isEqualTo("fast");
    assertThat(d.s(first + "/t:fhirVersionReason"))
        .isEqualTo(ReportFixtures.WITH_ISSUES.fhirVersionReason());
    String binding = first + "/t:issue[1]";
    assertThat(d.s(binding + "/@ruleId")).isEqualTo("structure-binding");
    assertThat(d.s(binding + "/@severity")).isEqualTo("error");
    assertThat(d.s(binding + "/@type")).isEqualTo("code-invalid");
    assertThat(d.s(binding + "/@expression")).isEqualTo("Task.status");
    assertThat(d.n(binding + "/@line")).isEqualTo(5);
    assertThat(d.n(binding + "/@column")).isEqualTo(13);
    assertThat(d.s(binding + "/@source")).isEqualTo("structure");
    assertThat(d.s(binding + "/@messageId")).isEqualTo("Terminology_TX_NoValid_16");
    // CR, LF and tab survive the round trip
    assertThat(d.s(binding + "/t:message")).isEqualTo(ReportFixtures.BINDING.message());
    String intent = first + "/t:issue[2]";
    assertThat(d.s(intent + "/@severity")).isEqualTo("warning");
    assertThat(d.b(intent + "/@column")).isFalse();
    assertThat(d.b(intent + "/@messageId")).isFalse();

    assertThat(d.n("count(/t:report/t:results/t:result[2]/t:issue)")).isZero();
    String unparsed = "/t:report/t:results/t:result[3]";
    for (String a : List.of("location", "line", "resource", "versionId", "fhirVersion", "engine")) {
      assertThat(d.b(unparsed + "/@" + a)).as(a).isFalse();
    }
    assertThat(d.b(unparsed + "/t:fhirVersionReason")).isFalse();
    assertThat(d.s(unparsed + "/t:issue/@severity")).isEqualTo("fatal");
    assertThat(d.s(unparsed + "/t:issue/@source")).isEqualTo("parser");
    assertThat(d.b(unparsed + "/t:issue/@expression")).isFalse();

    String inBundle = "/t:report/t:results/t:result[4]";
    assertThat(d.s(inBundle + "/@location")).isEqualTo("Bundle.entry[2].resource");
    assertThat(d.s(inBundle + "/t:issue/@expression"))
        .isEqualTo("Bundle.entry[2].resource.note[0]");
    assertThat(d.s(inBundle + "/t:issue/t:message")).isEqualTo(ReportFixtures.NOTE.message());
  }

  @Test
  void suppressedFindingsAreListedWithTheirReason() {
    XPathDoc d = xml(suppressedReport());
    assertThat(d.n("/t:report/t:summary/@suppressed")).isEqualTo(1);
    assertThat(d.n("/t:report/t:rules/t:rule[@id='status-1']/@suppressed")).isEqualTo(1);
    assertThat(d.n("/t:report/t:rules/t:rule[@id='status-1']/@findings")).isZero();
    assertThat(d.n("/t:report/t:files/t:file/@suppressed")).isEqualTo(1);
    String s = "/t:report/t:results/t:result/t:suppressed";
    assertThat(d.s(s + "/@suppression")).isEqualTo("suppressions.json:4");
    assertThat(d.s(s + "/t:reason")).isEqualTo("owners are assigned <downstream> & later");
    assertThat(d.s(s + "/t:issue/@ruleId")).isEqualTo("status-1");
    assertThat(d.s(s + "/t:issue/@expression")).isEqualTo("Task");
    assertThat(d.n("count(/t:report/t:results/t:result/t:issue)")).isZero();
  }

  static Report suppressedReport() {
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
                    issue, "owners are assigned <downstream> & later", "suppressions.json:4")));
    return new Report(
        ReportFixtures.run("auto"),
        List.of(result),
        new Summary(1, 1, 1, 0, 0, 0, 0, 0, Map.of(FhirRelease.R4, 1L), 1),
        new Timings(1, 1L, 1L));
  }

  @Test
  void charactersXmlCannotCarryAreLeftOutAndMarkupIsEscaped() {
    String message =
        "a\u0000b\u0001c\u001f d\uffff e\ud800 f\udc00 g\ud83d\ude00 <script>alert(1)</script> ]]> & \"q\"";
    Issue issue =
        new Issue(
            "status-1",
            Severity.WARNING,
            "business-rule",
            "Task.note[0].text\u0007",
            2,
            3,
            message,
            IssueSource.RULE,
            null);
    Result r =
        new Result(
            "odd\u0002name <x>.json",
            null,
            1,
            "Task/a",
            null,
            FhirRelease.R4,
            "tab\there",
            List.of(issue));
    String text = render(OutputFormat.XML, ReportFixtures.report(List.of(r)), OPTIONS);
    assertValid(text);
    XPathDoc d = new XPathDoc(text);
    assertThat(d.s("//t:result/t:issue/t:message"))
        .isEqualTo("abc d e f g\ud83d\ude00 <script>alert(1)</script> ]]> & \"q\"");
    assertThat(d.s("//t:result/t:issue/@expression")).isEqualTo("Task.note[0].text");
    assertThat(d.s("//t:result/@source")).isEqualTo("oddname <x>.json");
    assertThat(d.s("//t:result/t:fhirVersionReason")).isEqualTo("tab\there");
    assertThat(d.b("//*[local-name()='script']")).isFalse();
  }

  @Test
  void attributesKeepLineEndsAndTabs() {
    Issue issue =
        new Issue(
            "status-1",
            Severity.WARNING,
            "business-rule",
            "Task.a\nb\r\tc",
            2,
            3,
            "m",
            IssueSource.RULE,
            null);
    Result r = new Result("a.json", null, 1, "Task/a", null, FhirRelease.R4, null, List.of(issue));
    XPathDoc d = xml(ReportFixtures.report(List.of(r)));
    assertThat(d.s("//t:issue/@expression")).isEqualTo("Task.a\nb\r\tc");
  }

  @Test
  void metricsWithDurationsInIso8601() {
    XPathDoc d = xml(ReportFixtures.withMetrics(ReportFixtures.metrics()));

    String m = "/t:report/t:metrics";
    assertThat(d.n(m + "/@histories")).isEqualTo(12);
    assertThat(d.n(m + "/@versions")).isEqualTo(40);
    assertThat(Duration.parse(d.s(m + "/@stuckAfter"))).isEqualTo(Duration.ofDays(7));
    assertThat(d.n(m + "/@stuckCount")).isEqualTo(2);
    // statuses in code order
    assertThat(d.list(m + "/t:timeInStatus/t:status/@code"))
        .containsExactly("in-progress", "requested");
    String requested = m + "/t:timeInStatus/t:status[@code='requested']";
    assertThat(d.n(requested + "/@count")).isEqualTo(12);
    assertThat(Duration.parse(d.s(requested + "/@median"))).isEqualTo(Duration.ofMinutes(125));
    assertThat(Duration.parse(d.s(requested + "/@p90"))).isEqualTo(Duration.ofHours(27));
    assertThat(Duration.parse(d.s(requested + "/@max"))).isEqualTo(Duration.ofDays(2));
    assertThat(Duration.parse(d.s(m + "/t:waitTime/@median"))).isEqualTo(Duration.ofMinutes(125));
    assertThat(d.n(m + "/t:timeInProgress/@count")).isEqualTo(9);
    assertThat(Duration.parse(d.s(m + "/t:timeInProgress/@max"))).isEqualTo(Duration.ofDays(3));
    assertThat(d.n(m + "/t:timeToCompletion/@count")).isZero();
    for (String a : List.of("median", "p90", "max")) {
      assertThat(d.b(m + "/t:timeToCompletion/@" + a)).as(a).isFalse();
    }
    assertThat(d.list(m + "/t:stuckTask/@resource")).containsExactly("Task/t-1", "Task/t-2");
    String first = m + "/t:stuckTask[1]";
    assertThat(d.s(first + "/@versionId")).isEqualTo("4");
    assertThat(d.s(first + "/@source")).isEqualTo("tasks/t-1.json");
    assertThat(d.n(first + "/@line")).isEqualTo(1);
    assertThat(d.s(first + "/@status")).isEqualTo("in-progress");
    assertThat(d.s(first + "/@since")).isEqualTo("2026-11-01T08:00:00Z");
    assertThat(Duration.parse(d.s(first + "/@idle"))).isEqualTo(Duration.ofDays(20).plusHours(2));
    assertThat(d.b(m + "/t:stuckTask[2]/@versionId")).isFalse();

    assertThat(d.s("/t:report/t:results/t:result/t:issue/@source")).isEqualTo("transition");
  }

  @Test
  void noThresholdAndNoHistories() {
    XPathDoc d = xml(ReportFixtures.withMetrics(ReportFixtures.stuckOnly(3)));
    assertThat(d.n("/t:report/t:metrics/@histories")).isZero();
    assertThat(d.n("count(/t:report/t:metrics/t:timeInStatus/*)")).isZero();
    assertThat(d.n("count(/t:report/t:metrics/t:stuckTask)")).isEqualTo(3);
    assertThat(Duration.parse(d.s("/t:report/t:metrics/@stuckAfter")))
        .isEqualTo(Duration.ofHours(36));
  }

  @Test
  void isoDurations() {
    assertThat(XmlReportWriter.iso(Duration.ofDays(2))).isEqualTo("PT48H");
    assertThat(XmlReportWriter.iso(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    assertThat(XmlReportWriter.iso(Duration.ofHours(-1))).isEqualTo("-PT1H");
    assertThat(XmlReportWriter.iso(Duration.ZERO)).isEqualTo("PT0S");
    assertThat(XmlReportWriter.iso(null)).isNull();
  }

  @Test
  void isIndentedUtf8WithADeclaration() {
    String text = render(OutputFormat.XML, ReportFixtures.report(), OPTIONS);
    assertThat(text)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"" + NS + "\"");
    assertThat(text)
        .contains("\n  <results listing=\"complete\">\n    <result source=\"samples/task-1.json\"");
    assertThat(text).contains("\n      <issue ruleId=\"structure-binding\"");
    assertThat(text).endsWith("\n  </results>\n</report>\n");
    assertThat(text).contains("\u00e9\u4e2d");
  }

  @Test
  void findingsOnlyFormListsTheFirstFindingsUpToTheLimit() {
    Issue a = ReportFixtures.INTENT;
    List<Result> results = new ArrayList<>();
    results.add(ReportFixtures.CLEAN);
    for (int i = 0; i < 4; i++) {
      results.add(
          new Result(
              "f" + i + ".json",
              null,
              1,
              "Task/" + i,
              null,
              FhirRelease.R4,
              null,
              List.of(a, a, a)));
    }
    Report report = ReportFixtures.report(results);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XmlReportWriter w = XmlReportWriter.findingsOnly(bytes, OPTIONS, null, 7, 3)) {
      report.replay(w);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertValid(text);
    XPathDoc d = new XPathDoc(text);

    assertThat(d.s("/t:report/t:results/@listing")).isEqualTo("findings");
    assertThat(d.n("/t:report/t:results/@findingLimit")).isEqualTo(7);
    // the clean result is not listed; 3 + 3 + 1 findings are, the rest is counted
    assertThat(d.list("/t:report/t:results/t:result/@source"))
        .containsExactly("f0.json", "f1.json", "f2.json");
    assertThat(d.n("count(//t:result/t:issue)")).isEqualTo(7);
    assertThat(d.n("/t:report/t:results/t:result[3]/@unlistedFindings")).isEqualTo(2);
    assertThat(d.b("/t:report/t:results/t:result[1]/@unlistedFindings")).isFalse();
    assertThat(d.n("/t:report/t:results/@unlistedFindings")).isEqualTo(5);
    assertThat(d.n("/t:report/t:results/@unlistedResults")).isEqualTo(2);
    assertThat(d.n("/t:report/t:results/@unlistedSuppressed")).isZero();
    // counts stay complete
    assertThat(d.n("/t:report/t:summary/@warning")).isEqualTo(12);
    assertThat(d.n("/t:report/t:rules/t:rule[@id='status-1']/@findings")).isEqualTo(12);
    // at most three files listed, the number left out said
    assertThat(d.list("/t:report/t:files/t:file/@source"))
        .containsExactly("samples/task-2.json", "f0.json", "f1.json");
    assertThat(d.n("/t:report/t:files/@unlisted")).isEqualTo(2);
  }

  @Test
  void spilledOutputIsIdenticalToInMemoryOutput(@TempDir Path spillDir) throws IOException {
    Report report = ReportFixtures.report(Collections.nCopies(200, ReportFixtures.WITH_ISSUES));
    String inMemory = render(OutputFormat.XML, report, OPTIONS);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XmlReportWriter writer =
        new XmlReportWriter(bytes, OPTIONS, spillDir, 100, true, Long.MAX_VALUE, Long.MAX_VALUE)) {
      writer.start(report.run());
      for (Result r : report.results()) {
        writer.result(r);
      }
      assertThat(writer.spill().file()).isNotNull().exists();
      writer.finish(report.summary(), report.timings());
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(inMemory);
    assertThat(JsonReportWriterTest.listFiles(spillDir)).isEmpty();
  }

  @Test
  void fiftyThousandResultsSpillToAFileAndComeOutInOrder(@TempDir Path dir)
      throws IOException, XMLStreamException {
    int n = 50_000;
    Path spillDir = Files.createDirectory(dir.resolve("spill"));
    Path out = dir.resolve("taskcheck.xml");
    try (OutputStream file = Files.newOutputStream(out);
        XmlReportWriter writer = new XmlReportWriter(file, OPTIONS, spillDir)) {
      writer.start(ReportFixtures.run("auto"));
      for (int i = 0; i < n; i++) {
        writer.result(
            new Result(
                "in/" + i,
                null,
                null,
                "Task/" + i,
                null,
                FhirRelease.R4,
                null,
                List.of(ReportFixtures.INTENT)));
      }
      Path spill = writer.spill().file();
      assertThat(spill).isNotNull().exists();
      writer.finish(
          new Summary(n, n, n, 0, 0, 0, n, 0, Map.of(FhirRelease.R4, (long) n)),
          new Timings(1, 1L, 1L));
      assertThat(spill).doesNotExist();
    }
    assertThat(JsonReportWriterTest.listFiles(spillDir)).isEmpty();

    int count = 0;
    try (InputStream in = Files.newInputStream(out)) {
      XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("result")) {
          assertThat(r.getAttributeValue(null, "source")).isEqualTo("in/" + count);
          count++;
        }
      }
      r.close();
    }
    assertThat(count).isEqualTo(n);
    try (InputStream in = Files.newInputStream(out)) {
      SCHEMA.newValidator().validate(new StreamSource(in));
    } catch (SAXException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFileReportIsWrittenAtomically(@TempDir Path dir) throws IOException, SAXException {
    Path file = dir.resolve("out").resolve(OutputFormat.XML.fileName());
    try (ReportOutput out = OutputFormat.XML.toFile(file, OPTIONS)) {
      ReportFixtures.withMetrics(ReportFixtures.metrics()).replay(out);
    }
    assertThat(JsonReportWriterTest.listFiles(file.getParent())).containsExactly(file);
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
      SCHEMA.newValidator().validate(new StreamSource(in));
    }
  }
}
