package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.SuppressedIssue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class HtmlReportWriterTest {

  private static final RenderOptions OPTIONS = RenderOptions.defaults();

  private static String html(Report report) {
    return html(report, OPTIONS);
  }

  private static String html(Report report, RenderOptions options) {
    return render(OutputFormat.HTML, report, options);
  }

  /** The fixture results plus a suppressed finding, a transition finding and lifecycle metrics. */
  private static Report full() {
    List<Result> results = new ArrayList<>(ReportFixtures.RESULTS);
    results.add(ReportFixtures.TRANSITION);
    results.add(XmlReportWriterTest.suppressedReport().results().get(0));
    Report r = ReportFixtures.report();
    return new Report(r.run(), results, r.summary(), r.timings(), ReportFixtures.metrics());
  }

  private static String withLimits(Report report, int findingLimit, int fileLimit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (HtmlReportWriter w = new HtmlReportWriter(bytes, OPTIONS, null, findingLimit, fileLimit)) {
      report.replay(w);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void isOneWellFormedXhtml5Page() {
    String text = html(full());
    assertThat(text).startsWith("<!DOCTYPE html>");
    XPathDoc d = new XPathDoc(text);

    Element root = d.dom.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(XPathDoc.XHTML);
    assertThat(root.getLocalName()).isEqualTo("html");
    assertThat(root.getAttribute("lang")).isEqualTo("en");
    assertThat(d.s("/h:html/h:head/h:meta[1]/@charset").toLowerCase(Locale.ROOT))
        .isEqualTo("utf-8");
    assertThat(d.text("/h:html/h:head/h:title")).startsWith("TaskCheck report");
    assertThat(d.n("count(/h:html/h:head/h:style)")).isEqualTo(1);
    // every element is XHTML, but the inline SVG of the lifecycle charts, each in a figure
    assertThat(
            d.n(
                "count(//*[namespace-uri() != 'http://www.w3.org/1999/xhtml']"
                    + "[not(ancestor-or-self::s:svg[parent::h:figure])])"))
        .isZero();
    assertThat(d.n("count(//s:svg)")).isEqualTo(4);
    assertThat(d.list("//h:section[@id]/@id"))
        .containsSubsequence("summary", "rules", "files", "metrics");
  }

  @Test
  void isSelfContainedWithoutScripts() {
    Report report = full();
    String text = html(report);
    XPathDoc d = new XPathDoc(text);

    assertThat(d.n("count(//h:script | //h:link | //h:img | //h:iframe | //h:object | //h:embed)"))
        .isZero();
    assertThat(d.n("count(//@*[starts-with(name(), 'on')])"))
        .as("event handler attributes")
        .isZero();
    assertThat(d.n("count(//@src)")).isZero();
    Set<String> docs =
        report.run().rules().stream().map(RuleInfo::docUrl).collect(Collectors.toSet());
    for (String href : d.list("//@href")) {
      if (!href.startsWith("#")) {
        assertThat(docs).as("only rule documentation is linked: " + href).contains(href);
      }
    }
    String style = d.s("/h:html/h:head/h:style");
    assertThat(style).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
    assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("javascript:");
  }

  @Test
  void summaryShowsCountsVerdictAndRun() {
    XPathDoc d = new XPathDoc(html(full()));

    String summary = "//h:section[@id='summary']";
    for (String s : List.of("fatal", "error", "warning", "information")) {
      assertThat(d.text(summary + "//*[@data-severity='" + s + "']/*[contains(@class, 'n')]"))
          .as(s)
          .isEqualTo("1");
    }
    assertThat(d.b(summary + "//*[@data-severity='error' and contains(@class, 'badge')]")).isTrue();
    String facts = d.text(summary + "//h:dl");
    assertThat(facts)
        .contains("3 inputs")
        .contains("3 documents")
        .contains("3 validated")
        .contains("R4: 2")
        .contains("R5: 1")
        .contains("2 resources other than Task")
        .contains("mixed")
        .contains("recommended")
        .contains("0.1.0")
        .contains("reference")
        .contains("2026-11-21 10:00:00 UTC")
        .contains("1.2 s");
    assertThat(d.text(summary + "//h:dt[. = 'Structure checked by']/following-sibling::h:dd"))
        .isEqualTo("fast: 1, reference: 2");
    assertThat(d.text(summary + "//h:dt[. = 'Fail level']/following-sibling::h:dd"))
        .isEqualTo("error");
    assertThat(d.s(summary + "//h:p[contains(@class, 'outcome')]/@class")).contains("fail");
    assertThat(d.text(summary + "//h:p[contains(@class, 'outcome')]")).contains("2 findings");
    assertThat(d.s("//h:header//*[contains(@class, 'verdict')]/@class")).contains("fail");
  }

  @Test
  void passesWithoutAFailLevelOrWithoutFindingsAtIt() {
    XPathDoc none = new XPathDoc(html(full(), OPTIONS.withFailOn(null)));
    assertThat(none.s("//h:section[@id='summary']//h:p[contains(@class, 'outcome')]/@class"))
        .contains("pass");
    assertThat(none.text("//h:dt[. = 'Fail level']/following-sibling::h:dd")).isEqualTo("none");

    XPathDoc clean = new XPathDoc(html(ReportFixtures.report(List.of(ReportFixtures.CLEAN))));
    assertThat(clean.s("//h:header//*[contains(@class, 'verdict')]/@class")).contains("pass");
    assertThat(clean.text("//h:section[@id='files']")).contains("task-2.json");
  }

  @Test
  void ruleTableListsRulesWithFindingsFirstAndLinksTheirDocs() {
    Report report = full();
    XPathDoc d = new XPathDoc(html(report));
    String rules = "//h:section[@id='rules']";

    // rules with findings: in the first table, worst first
    List<String> found = d.list(rules + "/h:table//h:tr[@id]/@id");
    assertThat(found)
        .containsExactlyInAnyOrder(
            "rule-parse-json",
            "rule-structure-binding",
            "rule-transition-1",
            "rule-status-1",
            "rule-inv-1");
    assertThat(found.get(0)).isEqualTo("rule-parse-json");
    assertThat(found.subList(3, 5)).containsExactly("rule-status-1", "rule-inv-1");
    RuleInfo binding = report.run().rule("structure-binding");
    assertThat(binding).isNotNull();
    String row = rules + "//h:tr[@id='rule-structure-binding']";
    assertThat(d.s(row + "//h:a/@href")).isEqualTo(binding.docUrl());
    assertThat(d.text(row + "//h:a")).isEqualTo("structure-binding");
    assertThat(d.text(row + "/h:td[2]")).isEqualTo(binding.summary());
    assertThat(d.text(row + "/h:td[4]")).isEqualTo("1");
    assertThat(d.text(row + "/h:td[5]")).isEqualTo("error");
    assertThat(d.text(rules + "//h:tr[@id='rule-status-1']/h:td[4]/text()[1]")).isEqualTo("1");
    assertThat(d.text(rules + "//h:tr[@id='rule-status-1']/h:td[4]/h:span"))
        .isEqualTo("1 suppressed");
    // an id outside the catalog: no link
    assertThat(d.b(rules + "//h:tr[@id='rule-inv-1']//h:a")).isFalse();

    // the others: collapsed
    List<String> quiet = d.list(rules + "/h:details//h:tr[@id]/@id");
    assertThat(quiet).hasSize(report.run().rules().size() - 3).doesNotContainAnyElementsOf(found);
    assertThat(d.b(rules + "/h:details/@open")).isFalse();
  }

  @Test
  void filesSectionListsFindingsPerFile() {
    XPathDoc d = new XPathDoc(html(full()));
    String files = "//h:section[@id='files']";

    assertThat(d.list(files + "/h:section[contains(@class, 'file')]/h:h3/h:code"))
        .containsExactly(
            "samples/task-1.json",
            "samples/broken.json",
            "samples/bundle.json",
            "history/lab-order-7.json",
            "a.json");
    String task1 = files + "/h:section[h:h3/h:code = 'samples/task-1.json']";
    List<Node> rows = d.nodes(task1 + "//h:tr[contains(@class, 'finding')]");
    assertThat(rows).hasSize(2);
    String first = task1 + "//h:tr[contains(@class, 'finding')][1]";
    assertThat(d.text(first + "/h:td[1]")).isEqualTo("5");
    assertThat(d.text(first + "/h:td[2]")).isEqualTo("13");
    assertThat(d.text(first + "/h:td[3]")).isEqualTo("error");
    assertThat(d.text(first + "/h:td[4]")).isEqualTo("structure-binding");
    assertThat(d.s(first + "/h:td[4]//h:a/@href")).isEqualTo("#rule-structure-binding");
    assertThat(d.text(first + "/h:td[5]")).isEqualTo("Task.status");
    assertThat(d.s(task1 + "//h:tr[contains(@class, 'finding')][2]/@class")).contains("warning");
    assertThat(d.text(task1 + "//h:tr[contains(@class, 'resource')]"))
        .contains("Task/abc")
        .contains("version 2");

    String bundle = files + "/h:section[h:h3/h:code = 'samples/bundle.json']";
    assertThat(d.text(bundle + "//h:tr[contains(@class, 'finding')]/h:td[5]"))
        .isEqualTo("Bundle.entry[2].resource.note[0]");
    assertThat(d.text(bundle + "//h:tr[contains(@class, 'finding')]/h:td[1]")).isEqualTo("30");

    // suppressed findings: separately, with their reason
    String suppressed =
        files + "/h:section[h:h3/h:code = 'a.json']//h:table[contains(@class, 'suppressed')]";
    assertThat(d.text(suppressed + "//h:tbody/h:tr/h:td[4]")).isEqualTo("status-1");
    assertThat(d.text(suppressed + "//h:tbody/h:tr/h:td[6]"))
        .contains("owners are assigned <downstream> & later")
        .contains("suppressions.json:4");
    assertThat(
            d.n(
                "count("
                    + files
                    + "/h:section[h:h3/h:code = 'a.json']//h:tr[contains(@class, 'finding')])"))
        .isEqualTo(1);

    // a file without findings: named in the collapsed list
    assertThat(d.list(files + "/h:details//h:li/h:code")).containsExactly("samples/task-2.json");
    assertThat(d.b(files + "//*[@id='unlisted']")).isFalse();
  }

  @Test
  void markupInMessagesIsText() {
    Issue issue =
        new Issue(
            "status-1",
            Severity.ERROR,
            "business-rule",
            "Task.note[0].text",
            2,
            3,
            "<script>alert('x')</script> <b>bold</b> & <!-- c --> \u0000",
            IssueSource.RULE,
            null);
    Result r =
        new Result(
            "<img src=x>.json",
            null,
            1,
            "Task/<i>",
            null,
            FhirRelease.R4,
            null,
            List.of(issue),
            List.of(new SuppressedIssue(issue, "<script>no</script>", "s.json:1")));
    String text = html(ReportFixtures.report(List.of(r)));
    XPathDoc d = new XPathDoc(text);

    assertThat(d.n("count(//h:script | //h:b | //h:img | //h:i)")).isZero();
    assertThat(d.text("//h:section[@id='files']//h:tr[contains(@class, 'finding')][1]/h:td[6]"))
        .isEqualTo("<script>alert('x')</script> <b>bold</b> & <!-- c -->");
    assertThat(d.text("//h:section[@id='files']//h:h3/h:code")).isEqualTo("<img src=x>.json");
    assertThat(text).doesNotContain("<script").contains("&lt;script&gt;");
  }

  @Test
  void metricsSectionOnlyWithMetrics() {
    assertThat(new XPathDoc(html(ReportFixtures.report())).b("//*[@id='metrics']")).isFalse();
    assertThat(new XPathDoc(html(ReportFixtures.report())).b("//h:nav//h:a[@href='#metrics']"))
        .isFalse();

    XPathDoc d = new XPathDoc(html(ReportFixtures.withMetrics(ReportFixtures.metrics())));
    String m = "//h:section[@id='metrics']";
    assertThat(d.text(m + "/h:p[1]")).contains("12 Task histories").contains("40 versions");
    String table = m + "//h:table[contains(@class, 'metrics')]";
    assertThat(d.text(table + "//h:tr[h:th[contains(., 'Wait time')]]"))
        .contains("9")
        .contains("2 h 5 min")
        .contains("1 d 3 h")
        .contains("2 d");
    assertThat(d.text(table + "//h:tr[h:th[contains(., 'Time in progress')]]"))
        .contains("5 h")
        .contains("3 d");
    assertThat(d.text(table + "//h:tr[h:th[contains(., 'Time to completion')]]/h:td[1]"))
        .isEqualTo("0");
    assertThat(d.list(table + "//h:tr[h:th/h:span[contains(@class, 'status')]]/h:th"))
        .containsExactly("in-progress", "requested");
    String stuck = m + "//h:table[contains(@class, 'stuck')]";
    assertThat(d.list(stuck + "//h:tbody/h:tr/h:td[1]")).containsExactly("Task/t-1", "Task/t-2");
    assertThat(d.text(stuck + "//h:tbody/h:tr[1]"))
        .contains("in-progress")
        .contains("20 d 2 h")
        .contains("tasks/t-1.json:1");
    assertThat(d.text(m)).contains("7 d");

    XPathDoc stuckOnly =
        new XPathDoc(html(ReportFixtures.withMetrics(ReportFixtures.stuckOnly(3))));
    assertThat(stuckOnly.b("//h:section[@id='metrics']//h:table[contains(@class, 'metrics')]"))
        .isFalse();
    assertThat(
            stuckOnly.n(
                "count(//h:section[@id='metrics']//h:table[contains(@class, 'stuck')]//h:tbody/h:tr)"))
        .isEqualTo(3);
    assertThat(stuckOnly.text("//h:section[@id='metrics']")).contains("1 d 12 h");
  }

  @Test
  void lifecycleChartsDrawTheMetrics() {
    XPathDoc d = new XPathDoc(html(ReportFixtures.withMetrics(ReportFixtures.metrics())));
    String m = "//h:section[@id='metrics']";
    assertThat(d.list(m + "/h:h3/@id"))
        .containsExactly("status-changes", "latest-status", "durations", "stuck");

    // the state diagram: a node per status, initial and terminal marked
    String flow = m + "//h:figure[@data-machine='base-r4']/s:svg";
    assertThat(d.list(flow + "//s:g[contains(@class, 'node')]/@data-status"))
        .containsExactly("requested", "accepted", "ready", "in-progress", "on-hold", "completed");
    assertThat(d.list(flow + "//s:g[contains(@class, ' initial')]/@data-status"))
        .containsExactly("requested", "ready");
    assertThat(d.list(flow + "//s:g[contains(@class, ' terminal')]/@data-status"))
        .containsExactly("completed");
    assertThat(d.n("count(" + flow + "//s:g[contains(@class, ' terminal')]/s:rect)")).isEqualTo(2);
    // every edge, each kind with its own class (colour and dash), the taken ones labelled with
    // their count, the others idle (grey, thin)
    String edges = flow + "//s:g[starts-with(@class, 'edge ')]";
    assertThat(d.n("count(" + edges + ")")).isEqualTo(8);
    assertThat(d.n("count(" + edges + "[@data-count != '0'])")).isEqualTo(6);
    assertThat(d.n("count(" + edges + "[@data-count != '0']/s:text)")).isEqualTo(6);
    assertThat(d.s(edges + "[@data-from='requested'][@data-to='completed']/@class"))
        .isEqualTo("edge refused");
    assertThat(d.s(edges + "[@data-from='requested'][@data-to='completed']/s:path/@class"))
        .isEqualTo("edge-line refused");
    assertThat(d.s(edges + "[@data-from='in-progress'][@data-to='ready']/@class"))
        .isEqualTo("edge narrative");
    assertThat(d.s(edges + "[@data-from='ready'][@data-to='in-progress']/@class"))
        .isEqualTo("edge diagram idle");
    assertThat(d.b(edges + "[@data-from='ready'][@data-to='in-progress']/s:text")).isFalse();
    assertThat(d.text(edges + "[@data-from='requested'][@data-to='accepted']/s:text"))
        .isEqualTo("9");
    assertThat(d.text(edges + "[@data-from='requested'][@data-to='accepted']/s:title"))
        .isEqualTo("requested → accepted: 9 times, an edge of the state diagram");
    assertThat(d.text(m + "//h:figure[@data-machine='base-r4']/h:figcaption"))
        .contains("25 status changes")
        .contains("23 on diagram edges")
        .contains("1 allowed by the narrative only")
        .contains("1 refused");
    // the CSS tells the kinds apart by colour and by line style
    String css = d.s("/h:html/h:head/h:style");
    assertThat(css)
        .contains(".edge-line.narrative { stroke: #c2410c; stroke-dasharray: 9 5;")
        .contains(".edge-line.refused { stroke: #dc2626; stroke-dasharray: 0.5 5; }")
        .contains(".edge-line.diagram { stroke: #15803d; }");

    // the latest statuses in the value set's order
    String bars = m + "//h:figure[contains(@class, 'latest')]//s:g[@class='bar']";
    assertThat(d.list(bars + "/@data-status")).containsExactly("requested", "in-progress");
    assertThat(d.list(bars + "/s:text[@class='count']")).containsExactly("3", "9");

    // histograms of the measures that have durations; none for time to completion
    String hist = m + "//h:figure[contains(@class, 'histogram')]";
    assertThat(d.list(hist + "/@data-measure")).containsExactly("waitTime", "timeInProgress");
    String progress = hist + "[@data-measure='timeInProgress']//s:g[@class='bin']";
    assertThat(d.list(progress + "/s:title"))
        .containsExactly(
            "4 h–12 h: 5 Tasks", "12 h–1 d: 1 Task", "1 d–3 d: 2 Tasks", "3 d–7 d: 1 Task");
    assertThat(
            d.list(
                hist
                    + "[@data-measure='timeInProgress']//s:g[@class='ticks']/s:text[@class='label']"))
        .containsExactly("4 h", "12 h", "1 d", "3 d", "7 d");
    assertThat(d.list(progress + "/@data-count")).containsExactly("5", "1", "2", "1");
    assertThat(d.list(progress + "/s:text[@class='count']")).containsExactly("5", "1", "2", "1");
  }

  @Test
  void emptyChartsAreLeftOut() {
    XPathDoc d = new XPathDoc(html(ReportFixtures.withMetrics(ReportFixtures.stuckOnly(2))));
    assertThat(d.n("count(//s:svg)")).isZero();
    assertThat(d.list("//h:section[@id='metrics']/h:h3/@id")).containsExactly("stuck");
  }

  @Test
  void findingsPastTheLimitAreCountedNotListed() {
    List<Result> results = new ArrayList<>();
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
              List.of(ReportFixtures.INTENT, ReportFixtures.INTENT, ReportFixtures.INTENT)));
    }
    XPathDoc d = new XPathDoc(withLimits(ReportFixtures.report(results), 7, 100));

    assertThat(d.n("count(//h:section[@id='files']//h:tr[contains(@class, 'finding')])"))
        .isEqualTo(7);
    assertThat(d.text("//*[@id='unlisted']"))
        .contains("5 further findings are not listed")
        .contains("JSON or SARIF");
    // the counts stay complete
    assertThat(
            d.text(
                "//h:section[@id='summary']//*[@data-severity='warning']/*[contains(@class, 'n')]"))
        .isEqualTo("12");
    assertThat(d.text("//h:section[@id='rules']//h:tr[@id='rule-status-1']/h:td[4]"))
        .isEqualTo("12");
    assertThat(
            d.text(
                "//h:section[@id='files']/h:section[h:h3/h:code = 'f2.json']//h:tr[contains(@class, 'more')]"))
        .contains("2 further findings");
    assertThat(d.text("//h:section[@id='files']/h:section[h:h3/h:code = 'f3.json']"))
        .contains("not listed");
  }

  @Test
  void theDefaultLimitIsTenThousandFindings() {
    assertThat(HtmlReportWriter.MAX_LISTED_FINDINGS).isEqualTo(10_000);
    int n = HtmlReportWriter.MAX_LISTED_FINDINGS + 3;
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(
          new Result(
              "big.ndjson",
              null,
              i + 1,
              "Task/" + i,
              null,
              FhirRelease.R4,
              null,
              List.of(ReportFixtures.INTENT.withLocation("Task.intent", i + 1, 3))));
    }
    XPathDoc d = new XPathDoc(html(ReportFixtures.report(results)));

    assertThat(d.n("count(//h:section[@id='files']//h:tr[contains(@class, 'finding')])"))
        .isEqualTo(HtmlReportWriter.MAX_LISTED_FINDINGS);
    assertThat(d.text("//h:section[@id='files']//h:tr[contains(@class, 'finding')][1]/h:td[1]"))
        .isEqualTo("1");
    assertThat(d.text("//*[@id='unlisted']"))
        .contains("3 further findings are not listed")
        .contains("10,000");
    assertThat(
            d.text(
                "//h:section[@id='summary']//*[@data-severity='warning']/*[contains(@class, 'n')]"))
        .isEqualTo("10,003");
  }

  @Test
  void filesPastTheFileLimitAreCounted() {
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(
          new Result(
              "clean-" + i + ".json", null, 1, "Task/" + i, null, FhirRelease.R4, null, List.of()));
    }
    results.add(ReportFixtures.WITH_ISSUES);
    XPathDoc d = new XPathDoc(withLimits(ReportFixtures.report(results), 100, 3));
    String files = "//h:section[@id='files']";
    assertThat(d.list(files + "/h:details//h:li/h:code"))
        .containsExactly("clean-0.json", "clean-1.json", "clean-2.json");
    // the file with findings is beyond the file limit but its findings are listed
    assertThat(d.list(files + "/h:section/h:h3/h:code")).containsExactly("samples/task-1.json");
    assertThat(d.text(files + "/h:p[contains(@class, 'note')]"))
        .contains("3 further input files are not listed");
  }

  @Test
  void aFileReportIsWrittenAtomically(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out").resolve(OutputFormat.HTML.fileName());
    try (ReportOutput out = OutputFormat.HTML.toFile(file, OPTIONS)) {
      full().replay(out);
    }
    assertThat(JsonReportWriterTest.listFiles(file.getParent())).containsExactly(file);
    XPathDoc d = new XPathDoc(Files.readString(file));
    assertThat(d.b("//h:section[@id='metrics']")).isTrue();
  }

  @Test
  void aClockSetApartFromTheStartIsStated() {
    Report r = ReportFixtures.report();
    RunInfo run = r.run();
    RunInfo earlier =
        new RunInfo(
            run.toolName(),
            run.toolVersion(),
            run.fhirVersion(),
            run.ruleSet(),
            run.engine(),
            Instant.parse("2025-06-01T00:00:00Z"),
            run.startedAt(),
            run.rules(),
            run.workingDirectory());
    XPathDoc d = new XPathDoc(html(new Report(earlier, r.results(), r.summary(), r.timings())));
    assertThat(d.text("//h:dt[. = 'Time rules as of']/following-sibling::h:dd"))
        .isEqualTo("2025-06-01 00:00:00 UTC");
    assertThat(new XPathDoc(html(r)).b("//h:dt[. = 'Time rules as of']")).isFalse();
  }

  @Test
  void theSummaryCountsTasksNoEngineCheckedAsNone() {
    Result clean = ReportFixtures.CLEAN;
    Result unchecked =
        new Result(
            "samples/task-9.json",
            null,
            1,
            "Task/nine",
            null,
            FhirRelease.R4,
            "no version-specific content; R4 is the default",
            List.of());
    XPathDoc d = new XPathDoc(html(ReportFixtures.report(List.of(clean, unchecked))));
    assertThat(d.text("//h:dt[. = 'Structure checked by']/following-sibling::h:dd"))
        .isEqualTo("fast: 1, none: 1");
    assertThat(
            new XPathDoc(html(ReportFixtures.report(List.of())))
                .b("//h:dt[. = 'Structure checked by']"))
        .isFalse();
  }

  /** Under auto, where the engine can differ from one resource to the next, each resource says. */
  @Test
  void resourcesNameTheirEngineOnlyUnderAuto() {
    Report r = ReportFixtures.report();
    RunInfo run = r.run();
    RunInfo auto =
        new RunInfo(
            run.toolName(),
            run.toolVersion(),
            run.fhirVersion(),
            run.ruleSet(),
            "auto",
            run.now(),
            run.startedAt(),
            run.rules(),
            run.workingDirectory());
    String resource = "//h:section[h:h3/h:code = 'samples/task-1.json']//h:tr[@class = 'resource']";

    XPathDoc underAuto =
        new XPathDoc(html(new Report(auto, r.results(), r.summary(), r.timings())));
    assertThat(underAuto.s(resource + "//h:span[contains(@class, 'engine')]/@title"))
        .contains("reference");
    assertThat(
            underAuto.n("count(//h:tr[@class = 'resource']//h:span[contains(@class, 'engine')])"))
        .as("task-1 and bundle.json; task-2 has no findings, broken.json no engine")
        .isEqualTo(2);
    assertThat(new XPathDoc(html(r)).b("//h:span[contains(@class, 'engine')]")).isFalse();
  }

  @Test
  void theStylesheetAlsoRendersTheCompleteXmlForm() throws IOException {
    String xml = render(OutputFormat.XML, full(), OPTIONS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HtmlStylesheet.transform(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), bytes);
    XPathDoc d = new XPathDoc(bytes.toString(StandardCharsets.UTF_8));
    String files = "//h:section[@id='files']";
    assertThat(d.list(files + "/h:section/h:h3/h:code"))
        .hasSize(5)
        .doesNotContain("samples/task-2.json");
    assertThat(d.list(files + "/h:details//h:li/h:code")).containsExactly("samples/task-2.json");
    assertThat(d.b("//h:section[@id='metrics']")).isTrue();
  }

  @Test
  void theStylesheetIsCompiledOnce() {
    assertThat(HtmlStylesheet.executable()).isSameAs(HtmlStylesheet.executable());
  }
}
