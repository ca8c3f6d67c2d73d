package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.TestData;
import dev.taskcheck.ValidationRequest;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.SuppressedIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The JUnit XML report: every {@code <testsuite>} valid against Maven Surefire's own schema
 * (shipped as a test resource, validated offline), one suite per input, one test case per rule
 * checked, failures by the fail level.
 */
class JUnitReportWriterTest {

  private static final RenderOptions FAIL_ON_ERROR = RenderOptions.defaults();
  private static final String SKIPPED = "skipped";

  private static Schema surefire;

  @BeforeAll
  static void loadSchema() throws SAXException, IOException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    // The schema is read from the classpath stream; it imports nothing, so nothing external is
    // allowed.
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try (InputStream in =
        JUnitReportWriterTest.class.getResourceAsStream("/junit/surefire-test-report-3.0.xsd")) {
      assertThat(in).as("the Surefire schema test resource").isNotNull();
      surefire = factory.newSchema(new StreamSource(in));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Schema

  @Test
  void everySuiteIsValidAgainstTheSurefireSchema() {
    for (RenderOptions options :
        List.of(
            FAIL_ON_ERROR,
            FAIL_ON_ERROR.withFailOn(Severity.WARNING),
            FAIL_ON_ERROR.withFailOn(null))) {
      Document doc = parse(render(OutputFormat.JUNIT, ReportFixtures.report(), options));
      assertValid(doc);
      assertThat(suites(doc)).hasSize(4);
    }
  }

  @Test
  void theRootCarriesTheTotalsAndTheRunTime() {
    Document doc = parse(render(OutputFormat.JUNIT, ReportFixtures.report(), FAIL_ON_ERROR));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("TaskCheck");
    assertThat(root.getAttribute("time")).isEqualTo("1.234");
    assertCountsAddUp(doc);
    assertThat(Long.parseLong(root.getAttribute("tests"))).isPositive();
    // structure-binding fails on task-1.json; parse-json is an error on broken.json
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void eachSuiteNamesTheEnginesThatCheckedItsInput() {
    Result fastToo =
        new Result(
            "samples/task-1.json",
            null,
            9,
            "Task/more",
            null,
            FhirRelease.R4,
            "no version-specific content; R4 is the default",
            List.of(),
            List.of(),
            Result.ENGINE_FAST);
    List<Result> results = new ArrayList<>(ReportFixtures.RESULTS);
    results.add(fastToo);
    Document doc = parse(render(OutputFormat.JUNIT, ReportFixtures.report(results), FAIL_ON_ERROR));

    assertValid(doc);
    assertThat(property(suite(doc, "samples/task-1.json"), "taskcheck.engine"))
        .isEqualTo("fast,reference");
    assertThat(property(suite(doc, "samples/task-2.json"), "taskcheck.engine")).isEqualTo("fast");
    assertThat(property(suite(doc, "samples/bundle.json"), "taskcheck.engine"))
        .isEqualTo("reference");
    assertThat(property(suite(doc, "samples/broken.json"), "taskcheck.engine")).isEqualTo("none");
  }

  @Test
  void anEmptyRunIsAnEmptyValidDocument() {
    Document doc =
        parse(render(OutputFormat.JUNIT, ReportFixtures.report(List.of()), FAIL_ON_ERROR));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("0");
    assertThat(suites(doc)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  @Test
  void oneSuitePerInputAndOneCasePerRuleCheckedOnIt() {
    Document doc = parse(render(OutputFormat.JUNIT, ReportFixtures.report(), FAIL_ON_ERROR));
    assertThat(suites(doc))
        .extracting(s -> s.getAttribute("name"))
        .containsExactly(
            "samples/task-1.json",
            "samples/task-2.json",
            "samples/broken.json",
            "samples/bundle.json");

    // task-1.json was validated as R4: the run's R4 rules in catalog order, every finding id among
    // them
    Element task1 = suite(doc, "samples/task-1.json");
    assertThat(caseNames(task1)).containsExactlyElementsOf(ruleIds(FhirRelease.R4));
    assertThat(caseNames(task1)).contains("structure-binding", "status-1");
    assertThat(cases(task1))
        .allSatisfy(
            c -> {
              assertThat(c.getAttribute("classname")).isEqualTo("samples.task-1_json");
              assertThat(c.getAttribute("time")).isEqualTo("0");
            });
    // task-2.json is R5: the R5 rules
    assertThat(caseNames(suite(doc, "samples/task-2.json")))
        .containsExactlyElementsOf(ruleIds(FhirRelease.R5));
    // bundle.json: the R4 rules, then inv-1, a base invariant the catalog does not list
    List<String> expected = new ArrayList<>(ruleIds(FhirRelease.R4));
    expected.add("inv-1");
    assertThat(caseNames(suite(doc, "samples/bundle.json"))).containsExactlyElementsOf(expected);
  }

  @Test
  void findingsAtTheFailLevelFailTheirCaseAndTheOthersGoToSystemOut() {
    Element task1 =
        suite(
            parse(render(OutputFormat.JUNIT, ReportFixtures.report(), FAIL_ON_ERROR)),
            "samples/task-1.json");
    Element binding = testCase(task1, "structure-binding");
    Element failure = child(binding, "failure");
    assertThat(failure).isNotNull();
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message"))
        .startsWith(
            "1 finding, first: samples/task-1.json:5:13 error structure-binding Task.status ");
    assertThat(failure.getTextContent())
        .startsWith("samples/task-1.json:5:13 error structure-binding Task.status ");
    // the message's CR, LF and tab became spaces: one finding, one line
    assertThat(failure.getTextContent()).hasLineCount(1).doesNotContain("\t", "\r");
    assertThat(child(binding, "system-out")).isNull();

    Element intent = testCase(task1, "status-1");
    assertThat(child(intent, "failure")).isNull();
    assertThat(child(intent, "system-out").getTextContent())
        .startsWith("samples/task-1.json:6 warning status-1 Task.intent ");
    // a rule without findings is an empty test case
    Element clean =
        testCase(
            task1,
            ruleIds(FhirRelease.R4).stream()
                .filter(id -> !id.equals("structure-binding") && !id.equals("status-1"))
                .findFirst()
                .orElseThrow());
    assertThat(clean.getChildNodes().getLength()).isZero();
  }

  static Stream<Arguments> failLevels() {
    return Stream.of(
        Arguments.of(Severity.FATAL),
        Arguments.of(Severity.ERROR),
        Arguments.of(Severity.WARNING),
        Arguments.of(Severity.INFORMATION),
        Arguments.of((Object) null));
  }

  /**
   * Whatever the fail level, a test case fails (or errs) exactly when the rule has a finding at or
   * above it on that input, and the report has failures or errors exactly when the run fails.
   */
  @ParameterizedTest
  @MethodSource("failLevels")
  void failuresFollowTheFailLevel(@Nullable Severity failOn) {
    RenderOptions options = FAIL_ON_ERROR.withFailOn(failOn);
    Report report =
        ReportFixtures.report(
            List.of(
                ReportFixtures.WITH_ISSUES,
                ReportFixtures.CLEAN,
                ReportFixtures.UNPARSED,
                ReportFixtures.IN_BUNDLE,
                ReportFixtures.TRANSITION));
    Document doc = parse(render(OutputFormat.JUNIT, report, options));
    assertValid(doc);
    assertCountsAddUp(doc);

    Map<String, Set<Severity>> severities = new LinkedHashMap<>();
    for (Result r : report.results()) {
      for (Issue i : r.issues()) {
        severities
            .computeIfAbsent(r.source() + " " + i.ruleId(), k -> EnumSet.noneOf(Severity.class))
            .add(i.severity());
      }
    }
    for (Element suite : suites(doc)) {
      for (Element c : cases(suite)) {
        Set<Severity> found =
            severities.getOrDefault(
                suite.getAttribute("name") + " " + c.getAttribute("name"), Set.of());
        boolean fails = found.stream().anyMatch(options::fails);
        boolean fatal = found.contains(Severity.FATAL) && options.fails(Severity.FATAL);
        String what = suite.getAttribute("name") + " " + c.getAttribute("name");
        assertThat(child(c, "failure") != null).as(what + " failure").isEqualTo(fails && !fatal);
        assertThat(child(c, "error") != null).as(what + " error").isEqualTo(fatal);
        boolean below = found.stream().anyMatch(s -> !options.fails(s));
        assertThat(child(c, "system-out") != null).as(what + " system-out").isEqualTo(below);
      }
    }
    Element root = doc.getDocumentElement();
    long failing =
        Long.parseLong(root.getAttribute("failures")) + Long.parseLong(root.getAttribute("errors"));
    boolean runFails = failOn != null && report.hasIssuesAtLeast(failOn);
    assertThat(failing > 0).isEqualTo(runFails);
  }

  @Test
  void aDocumentThatDidNotParseErrsAndItsRulesAreSkipped() {
    Document doc = parse(render(OutputFormat.JUNIT, ReportFixtures.report(), FAIL_ON_ERROR));
    Element broken = suite(doc, "samples/broken.json");
    Element parse = testCase(broken, "parse-json");
    Element error = child(parse, "error");
    assertThat(error).isNotNull();
    assertThat(error.getAttribute("type")).isEqualTo("fatal");
    assertThat(error.getTextContent()).startsWith("samples/broken.json fatal parse-json - ");
    assertThat(child(parse, SKIPPED)).isNull();

    // every rule of the run is listed; those that read the document (fatal ones) ran, the others
    // were skipped
    List<String> all = ReportFixtures.RULES.stream().map(RuleInfo::id).toList();
    assertThat(caseNames(broken)).containsAll(all).contains("parse-json");
    for (RuleInfo rule : ReportFixtures.RULES) {
      Element c = testCase(broken, rule.id());
      assertThat(child(c, SKIPPED) != null)
          .as(rule.id())
          .isEqualTo(rule.severity() != Severity.FATAL);
    }
    assertThat(broken.getAttribute("skipped"))
        .isEqualTo(
            Long.toString(
                ReportFixtures.RULES.stream().filter(r -> r.severity() != Severity.FATAL).count()));
    assertThat(property(broken, "taskcheck.fhirVersion")).isEqualTo("none");
    assertThat(property(broken, "taskcheck.engine")).isEqualTo("none");
  }

  @Test
  void anInputWhereSomeDocumentsParsedIsCheckedNormally() {
    // an NDJSON file: line 1 a valid R4 Task, line 2 does not parse
    Result good =
        new Result("tasks.ndjson", null, 1, "Task/a", null, FhirRelease.R4, "default", List.of());
    Issue parse =
        new Issue(
            "structure-parse",
            Severity.FATAL,
            "structure",
            null,
            2,
            17,
            "unexpected end",
            IssueSource.PARSER,
            null);
    Result bad = new Result("tasks.ndjson", null, 2, null, null, null, null, List.of(parse));
    Document doc =
        parse(render(OutputFormat.JUNIT, ReportFixtures.report(List.of(good, bad)), FAIL_ON_ERROR));
    assertValid(doc);
    Element suite = suite(doc, "tasks.ndjson");
    assertThat(caseNames(suite)).containsExactlyElementsOf(ruleIds(FhirRelease.R4));
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(child(testCase(suite, "structure-parse"), "error").getTextContent())
        .startsWith("tasks.ndjson:2:17 fatal structure-parse - ");
  }

  @Test
  void anUnreadableInputUnderFailOnNoneIsSkippedButDoesNotErr() {
    RenderOptions none = FAIL_ON_ERROR.withFailOn(null);
    Document doc =
        parse(
            render(
                OutputFormat.JUNIT, ReportFixtures.report(List.of(ReportFixtures.UNPARSED)), none));
    assertValid(doc);
    Element broken = suite(doc, "samples/broken.json");
    assertThat(broken.getAttribute("errors")).isEqualTo("0");
    assertThat(child(testCase(broken, "parse-json"), "system-out").getTextContent())
        .contains("fatal parse-json");
    assertThat(Long.parseLong(broken.getAttribute("skipped"))).isPositive();
  }

  @Test
  void suppressedFindingsAreListedWithTheirReasonAndNeverFail() {
    SuppressedIssue suppressed =
        new SuppressedIssue(
            ReportFixtures.BINDING,
            "local code system, agreed with the lab",
            "suppressions.json:12");
    Result r =
        new Result(
            "samples/task-1.json",
            null,
            1,
            "Task/abc",
            "2",
            FhirRelease.R4,
            "default",
            List.of(ReportFixtures.INTENT),
            List.of(suppressed));
    Document doc =
        parse(
            render(
                OutputFormat.JUNIT,
                ReportFixtures.report(List.of(r)),
                FAIL_ON_ERROR.withFailOn(Severity.INFORMATION)));
    assertValid(doc);
    Element suite = suite(doc, "samples/task-1.json");
    Element binding = testCase(suite, "structure-binding");
    assertThat(child(binding, "failure")).isNull();
    assertThat(child(binding, "error")).isNull();
    assertThat(child(binding, "system-out").getTextContent())
        .startsWith("samples/task-1.json:5:13 error structure-binding Task.status ")
        .contains("suppressions.json:12", "local code system, agreed with the lab");
    // the finding that was not suppressed fails at fail level information
    assertThat(child(testCase(suite, "status-1"), "failure").getAttribute("type"))
        .isEqualTo("warning");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void transitionResultsArrivingLateJoinTheirInputsSuite() {
    Result singleTask =
        new Result(
            ReportFixtures.TRANSITION.source(),
            "Bundle.entry[0].resource",
            5,
            "Task/lab-order-7",
            "3",
            FhirRelease.R4,
            "default",
            List.of(ReportFixtures.INTENT));
    Report report =
        ReportFixtures.report(List.of(singleTask, ReportFixtures.CLEAN, ReportFixtures.TRANSITION));
    Document doc = parse(render(OutputFormat.JUNIT, report, FAIL_ON_ERROR));
    assertValid(doc);
    assertThat(suites(doc))
        .extracting(s -> s.getAttribute("name"))
        .containsExactly("history/lab-order-7.json", "samples/task-2.json");
    Element history = suite(doc, "history/lab-order-7.json");
    assertThat(caseNames(history))
        .containsExactlyElementsOf(ruleIds(FhirRelease.R4))
        .contains("transition-1");
    assertThat(child(testCase(history, "transition-1"), "failure").getTextContent())
        .startsWith(
            "history/lab-order-7.json:11:9 error transition-1 Bundle.entry[0].resource.status ");
    assertThat(child(testCase(history, "status-1"), "system-out")).isNotNull();
    assertThat(history.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void longListsAreCapped() {
    int n = JUnitReportWriter.MAX_LISTED + 150;
    List<Issue> issues = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      issues.add(
          new Issue(
              "status-2",
              Severity.ERROR,
              "business-rule",
              "Task.input[" + i + "]",
              i + 1,
              3,
              "m",
              IssueSource.RULE,
              null));
      issues.add(
          new Issue(
              "status-2",
              Severity.WARNING,
              "business-rule",
              "Task.output[" + i + "]",
              i + 1,
              5,
              "m",
              IssueSource.RULE,
              null));
    }
    Result r = new Result("big.json", null, 1, "Task/big", null, FhirRelease.R4, "default", issues);
    Document doc =
        parse(render(OutputFormat.JUNIT, ReportFixtures.report(List.of(r)), FAIL_ON_ERROR));
    assertValid(doc);
    Element c = testCase(suite(doc, "big.json"), "status-2");
    Element failure = child(c, "failure");
    assertThat(failure.getAttribute("message"))
        .startsWith(n + " findings, first: big.json:1:3 error status-2 Task.input[0] ");
    List<String> lines = failure.getTextContent().lines().toList();
    assertThat(lines).hasSize(JUnitReportWriter.MAX_LISTED + 1);
    assertThat(lines.get(JUnitReportWriter.MAX_LISTED - 1))
        .startsWith("big.json:100:3 error status-2 Task.input[99] ");
    assertThat(lines.get(JUnitReportWriter.MAX_LISTED)).isEqualTo("... and 150 more");
    List<String> out = child(c, "system-out").getTextContent().lines().toList();
    assertThat(out).hasSize(JUnitReportWriter.MAX_LISTED + 1).last().isEqualTo("... and 150 more");
    assertThat(out).allSatisfy(l -> assertThat(l).doesNotContain(" error "));
  }

  @Test
  void aVeryLongFindingIsCutToOneBoundedLine() {
    Issue huge =
        new Issue(
            "status-2",
            Severity.ERROR,
            "business-rule",
            "Task.note[0].text",
            4,
            2,
            "x".repeat(100_000),
            IssueSource.RULE,
            null);
    Result r =
        new Result("long.json", null, 1, "Task/l", null, FhirRelease.R4, "default", List.of(huge));
    Document doc =
        parse(render(OutputFormat.JUNIT, ReportFixtures.report(List.of(r)), FAIL_ON_ERROR));
    String text = child(testCase(suite(doc, "long.json"), "status-2"), "failure").getTextContent();
    assertThat(text.strip()).hasSize(JUnitReportWriter.MAX_LINE).endsWith("\u2026");
  }

  @Test
  void markupAndCharactersXmlForbidsAreHandled() {
    Issue nasty =
        new Issue(
            "status-2",
            Severity.ERROR,
            "business-rule",
            "Task.note[0].text",
            4,
            2,
            "a <b> & \"c\" ]]> d\u0000e\u0001f\u001bg\ud800h\uffffi \ud83d\ude00 end",
            IssueSource.RULE,
            null);
    Result r =
        new Result(
            "odd <&\"'> \u0007name.json",
            null,
            1,
            "Task/n",
            null,
            FhirRelease.R4,
            "default",
            List.of(nasty));
    String xml = render(OutputFormat.JUNIT, ReportFixtures.report(List.of(r)), FAIL_ON_ERROR);
    Document doc = parse(xml);
    assertValid(doc);
    Element suite = suites(doc).get(0);
    assertThat(suite.getAttribute("name")).isEqualTo("odd <&\"'> name.json");
    String text = child(testCase(suite, "status-2"), "failure").getTextContent();
    assertThat(text)
        .contains("a <b> & \"c\" ]]> d", "\ud83d\ude00 end")
        .doesNotContain("\u0000", "\u0001", "\ud800", "\uffff");
  }

  @Test
  void classNamesFollowThePathWithoutStrayDots() {
    assertThat(JUnitReportWriter.classname("samples/task-1.json")).isEqualTo("samples.task-1_json");
    assertThat(JUnitReportWriter.classname("../testdata/spec.r4/t.xml"))
        .isEqualTo("__.testdata.spec_r4.t_xml");
    assertThat(JUnitReportWriter.classname("/abs/./x.ndjson")).isEqualTo("abs.x_ndjson");
    assertThat(JUnitReportWriter.classname("C:\\data\\t.json")).isEqualTo("C:.data.t_json");
    assertThat(JUnitReportWriter.classname("-")).isEqualTo("-");
  }

  @Test
  void timesAreSurefireSeconds() {
    assertThat(JUnitReportWriter.seconds(0)).isEqualTo("0");
    assertThat(JUnitReportWriter.seconds(1500)).isEqualTo("1.5");
    assertThat(JUnitReportWriter.seconds(1234567)).isEqualTo("1234.567");
  }

  // ---------------------------------------------------------------------------------------------
  // A real run

  @Test
  void aRealRunOverTestDataGivesAValidReport(@TempDir Path dir) throws IOException {
    // R4 inputs only: starting the R5 engine as well would add half a minute; the fixture tests
    // cover R5
    ValidationRequest request =
        ValidationRequest.builder()
            .input(TestData.path("samples/broken-status-done.json"))
            .input(TestData.path("samples/spec-r4-Task-example1.json"))
            .input(TestData.path("samples/davinci-pcde-task-requested.xml"))
            .input(TestData.path("samples/tasks-physiotherapy-course.ndjson"))
            .input(TestData.path("bad-input/truncated.json"))
            .build();
    Path file = dir.resolve("target/taskcheck/TEST-taskcheck.xml");
    try (ReportOutput out = OutputFormat.JUNIT.toFile(file, FAIL_ON_ERROR)) {
      TaskCheck.builder().threads(2).build().validate(request, out);
    }
    Document doc = parse(Files.readString(file));
    assertValid(doc);
    assertCountsAddUp(doc);
    assertThat(suites(doc)).hasSize(5);

    Element done = suiteEndingWith(doc, "broken-status-done.json");
    assertThat(child(testCase(done, "structure-binding"), "failure").getAttribute("type"))
        .isEqualTo("error");
    assertThat(done.getAttribute("failures")).isNotEqualTo("0");

    Element clean = suiteEndingWith(doc, "spec-r4-Task-example1.json");
    assertThat(clean.getAttribute("failures")).isEqualTo("0");
    assertThat(caseNames(clean)).containsAll(ruleIds(FhirRelease.R4));
    assertThat(property(clean, "taskcheck.fhirVersion")).isEqualTo("R4");
    assertThat(property(clean, "taskcheck.engine")).as("the default engine").isEqualTo("fast");

    // dom-6, a base invariant outside the catalog, is a test case of its own; a warning does not
    // fail
    Element pcde = suiteEndingWith(doc, "davinci-pcde-task-requested.xml");
    assertThat(child(testCase(pcde, "dom-6"), "system-out").getTextContent())
        .contains(" warning dom-6 ");
    assertThat(child(testCase(pcde, "dom-6"), "failure")).isNull();

    Element truncated = suiteEndingWith(doc, "truncated.json");
    assertThat(child(testCase(truncated, "structure-parse"), "error").getAttribute("type"))
        .isEqualTo("fatal");
    assertThat(child(testCase(truncated, "status-1"), SKIPPED)).isNotNull();
  }

  @Test
  void aRealHistoryRunPutsTransitionFindingsIntoTheirFilesSuite(@TempDir Path dir)
      throws IOException {
    Path before =
        Files.writeString(dir.resolve("before.json"), task("in-progress", "2025-01-02T09:00:00Z"));
    Path after =
        Files.writeString(dir.resolve("after.json"), task("requested", "2025-01-01T09:00:00Z"));
    ValidationRequest request =
        ValidationRequest.builder().input(before).input(after).versionsInGivenOrder(true).build();
    Path file = dir.resolve("TEST-taskcheck.xml");
    try (ReportOutput out = OutputFormat.JUNIT.toFile(file, FAIL_ON_ERROR)) {
      TaskCheck.builder().fhirVersion(FhirRelease.R4).history(true).build().validate(request, out);
    }
    Document doc = parse(Files.readString(file));
    assertValid(doc);
    assertThat(suites(doc))
        .extracting(s -> s.getAttribute("name"))
        .containsExactly(before.toString(), after.toString());
    Element afterSuite = suite(doc, after.toString());
    assertThat(child(testCase(afterSuite, "transition-1"), "failure")).isNotNull();
    assertThat(caseNames(afterSuite)).doesNotHaveDuplicates();
  }

  /** A small R4 Task whose only findings, as a pair, are transition findings. */
  private static String task(String status, String lastModified) {
    String start =
        status.equals("in-progress")
            ? ",\"executionPeriod\":{\"start\":\"2025-01-01T08:00:00Z\"}"
            : "";
    return "{\"resourceType\":\"Task\",\"id\":\"t1\","
        + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">t</div>\"},"
        + "\"identifier\":[{\"system\":\"http://example.org/orders\",\"value\":\"order-t1\"}],"
        + "\"status\":\""
        + status
        + "\",\"intent\":\"order\",\"authoredOn\":\"2025-01-01T00:00:00Z\","
        + "\"lastModified\":\""
        + lastModified
        + "\",\"owner\":{\"reference\":\"Organization/o1\"}"
        + start
        + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The ids of the fixture run's rules that apply to {@code release}, in catalog order. */
  private static List<String> ruleIds(FhirRelease release) {
    return ReportFixtures.RULES.stream()
        .filter(r -> r.versions().contains(release))
        .map(RuleInfo::id)
        .toList();
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates every {@code <testsuite>} against Surefire's schema, each in a document of its own
   * (the schema's root is {@code testsuite}; ours is {@code testsuites}), and checks the root's own
   * shape.
   */
  static void assertValid(Document doc) {
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    for (String a : List.of("tests", "failures", "errors", "skipped")) {
      assertThat(root.getAttribute(a)).as("testsuites/@" + a).matches("[0-9]+");
    }
    assertThat(root.getAttribute("time")).matches("[0-9]+(\\.[0-9]{1,3})?");
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        assertThat(e.getTagName()).isEqualTo("testsuite");
      }
    }
    try {
      Validator v = surefire.newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      for (Element suite : suites(doc)) {
        Document single = f.newDocumentBuilder().newDocument();
        single.appendChild(single.importNode(suite, true));
        try {
          v.validate(new DOMSource(single));
        } catch (SAXException e) {
          throw new AssertionError(
              "suite " + suite.getAttribute("name") + " is not valid: " + e.getMessage(), e);
        }
      }
    } catch (SAXException | ParserConfigurationException e) {
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each suite's counts match its test cases, and the root's are the sums. */
  static void assertCountsAddUp(Document doc) {
    long tests = 0;
    long failures = 0;
    long errors = 0;
    long skipped = 0;
    for (Element suite : suites(doc)) {
      List<Element> cases = cases(suite);
      long f = cases.stream().filter(c -> child(c, "failure") != null).count();
      long e = cases.stream().filter(c -> child(c, "error") != null).count();
      long s = cases.stream().filter(c -> child(c, SKIPPED) != null).count();
      String name = suite.getAttribute("name");
      assertThat(suite.getAttribute("tests")).as(name).isEqualTo(Integer.toString(cases.size()));
      assertThat(suite.getAttribute("failures")).as(name).isEqualTo(Long.toString(f));
      assertThat(suite.getAttribute("errors")).as(name).isEqualTo(Long.toString(e));
      assertThat(suite.getAttribute("skipped")).as(name).isEqualTo(Long.toString(s));
      assertThat(cases)
          .as(name)
          .allSatisfy(
              c ->
                  assertThat(
                          (child(c, "failure") != null ? 1 : 0)
                              + (child(c, "error") != null ? 1 : 0)
                              + (child(c, SKIPPED) != null ? 1 : 0))
                      .isLessThanOrEqualTo(1));
      tests += cases.size();
      failures += f;
      errors += e;
      skipped += s;
    }
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo(Long.toString(tests));
    assertThat(root.getAttribute("failures")).isEqualTo(Long.toString(failures));
    assertThat(root.getAttribute("errors")).isEqualTo(Long.toString(errors));
    assertThat(root.getAttribute("skipped")).isEqualTo(Long.toString(skipped));
  }

  static List<Element> suites(Document doc) {
    return children(doc.getDocumentElement(), "testsuite");
  }

  static Element suite(Document doc, String name) {
    return suites(doc).stream()
        .filter(s -> s.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no suite " + name));
  }

  static Element suiteEndingWith(Document doc, String fileName) {
    return suites(doc).stream()
        .filter(s -> s.getAttribute("name").endsWith(fileName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no suite for " + fileName));
  }

  static List<Element> cases(Element suite) {
    return children(suite, "testcase");
  }

  static List<String> caseNames(Element suite) {
    return cases(suite).stream().map(c -> c.getAttribute("name")).toList();
  }

  static Element testCase(Element suite, String name) {
    return cases(suite).stream()
        .filter(c -> c.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no test case " + name + " in " + suite.getAttribute("name")));
  }

  static @Nullable String property(Element suite, String name) {
    Element properties = child(suite, "properties");
    if (properties == null) {
      return null;
    }
    for (Element p : children(properties, "property")) {
      if (p.getAttribute("name").equals(name)) {
        return p.getAttribute("value");
      }
    }
    return null;
  }

  static @Nullable Element child(Element parent, String tag) {
    List<Element> c = children(parent, tag);
    return c.isEmpty() ? null : c.get(0);
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }
}
