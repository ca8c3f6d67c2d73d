package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The lifecycle charts of the HTML report tell what the JSON report's metrics say: the real jar
 * reads the gematik E-Rezept replay scenarios of {@code testdata} and the transition-1 fixture
 * histories (a refused and a narrative-only change among them) as Task histories ({@code
 * --history}) and writes both reports in one run; every number the SVG draws (the taken edges of
 * the state diagram and their kinds, the latest-status bars, the histogram bins) must equal the
 * JSON report's, and every edge the state machine allows must be drawn.
 */
class LifecycleChartsIT {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";

  private static JsonNode metrics;
  private static Document html;
  private static XPath xpath;

  @BeforeAll
  static void run() throws Exception {
    Path reports = CliProcessSupport.workDirectory("lifecycle-charts").resolve("reports");
    CliRun run =
        taskcheck(
                "validate",
                "--history",
                "--now",
                "2025-06-01T00:00:00Z",
                "--stuck-after",
                "92d",
                "--format",
                "html,json",
                "--output",
                reports.toString(),
                "testdata/corpus/gematik/2025-01-15",
                "testdata/fixtures/rules/transition-1/r4")
            .timeout(Duration.ofMinutes(5))
            .run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as("findings at error level: %s", run.stderr()).isEqualTo(1);
    metrics =
        CliProcessSupport.parseJson(
                Files.readString(reports.resolve("taskcheck.json"), StandardCharsets.UTF_8),
                "taskcheck.json")
            .get("metrics");
    assertThat(metrics).as("the JSON report has metrics").isNotNull();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    html =
        f.newDocumentBuilder()
            .parse(
                new InputSource(
                    new StringReader(
                        Files.readString(
                            reports.resolve("taskcheck.html"), StandardCharsets.UTF_8))));
    xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return switch (prefix) {
              case "h" -> XHTML;
              case "s" -> SVG;
              default -> XMLConstants.NULL_NS_URI;
            };
          }

          @Override
          public String getPrefix(String uri) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Iterator<String> getPrefixes(String uri) {
            throw new UnsupportedOperationException();
          }
        });
  }

  @Test
  void theDiagramDrawsEveryTakenEdgeWithItsCountAndKind() {
    assertThat(metrics.get("workflows").size()).as("one state machine: base-r4").isEqualTo(1);
    JsonNode flow = metrics.at("/workflows/0");
    assertThat(flow.get("machine").asText()).isEqualTo("base-r4");
    String figure = "//h:section[@id='metrics']//h:figure[@data-machine='base-r4']";
    assertThat(nodes(figure)).hasSize(1);

    Map<String, Long> jsonTaken = new LinkedHashMap<>();
    List<String> jsonIdle = new ArrayList<>();
    long sum = 0;
    for (JsonNode e : flow.get("edges")) {
      String key =
          e.get("from").asText() + ">" + e.get("to").asText() + ":" + e.get("kind").asText();
      long count = e.get("count").asLong();
      sum += count;
      if (count > 0) {
        jsonTaken.put(key, count);
      } else if (!e.get("to").asText().equals("entered-in-error")) {
        jsonIdle.add(key);
      }
    }
    assertThat(flow.get("changes").asLong()).isEqualTo(sum);
    // the run holds every kind of edge
    assertThat(jsonTaken.keySet())
        .anyMatch(k -> k.endsWith(":diagram"))
        .anyMatch(k -> k.endsWith(":narrative"))
        .anyMatch(k -> k.endsWith(":refused"));

    Map<String, Long> svgTaken = new LinkedHashMap<>();
    List<String> svgIdle = new ArrayList<>();
    for (Node n : nodes(figure + "/s:svg//s:g[starts-with(@class, 'edge ')]")) {
      Element g = (Element) n;
      String key =
          g.getAttribute("data-from")
              + ">"
              + g.getAttribute("data-to")
              + ":"
              + g.getAttribute("data-kind");
      long count = Long.parseLong(g.getAttribute("data-count"));
      assertThat(g.getAttribute("class"))
          .as("an edge's class names its kind: %s", key)
          .startsWith("edge " + g.getAttribute("data-kind"));
      if (count > 0) {
        assertThat(svgTaken.put(key, count)).as("one drawing per edge: %s", key).isNull();
        assertThat(text(g, "s:text")).as("the count shown on %s", key).isEqualTo(format(count));
      } else {
        svgIdle.add(key);
        assertThat(g.getAttribute("class")).endsWith(" idle");
      }
    }
    assertThat(svgTaken).isEqualTo(jsonTaken);
    assertThat(svgIdle).containsExactlyInAnyOrderElementsOf(jsonIdle);

    List<String> statuses = new ArrayList<>();
    flow.get("statuses").forEach(s -> statuses.add(s.asText()));
    assertThat(attributes(figure + "/s:svg//s:g[@data-status]", "data-status"))
        .containsExactlyElementsOf(statuses);

    String caption = text(html, figure + "/h:figcaption");
    assertThat(caption)
        .contains(format(sum) + " status changes")
        .contains(format(kindSum(flow, "diagram")) + " on diagram edges")
        .contains(format(kindSum(flow, "narrative")) + " allowed by the narrative only")
        .contains(format(kindSum(flow, "refused")) + " refused");
  }

  @Test
  void theLatestStatusBarsAreTheJsonCounts() {
    Map<String, Long> json = new LinkedHashMap<>();
    JsonNode latest = metrics.get("latestStatus");
    latest.fieldNames().forEachRemaining(k -> json.put(k, latest.get(k).asLong()));
    assertThat(json).isNotEmpty();
    Map<String, Long> svg = new LinkedHashMap<>();
    for (Node n :
        nodes(
            "//h:section[@id='metrics']//h:figure[contains(@class, 'latest')]//s:g[@class='bar']")) {
      Element g = (Element) n;
      long count = Long.parseLong(g.getAttribute("data-count"));
      svg.put(g.getAttribute("data-status"), count);
      assertThat(text(g, "s:text[@class='count']")).isEqualTo(format(count));
    }
    assertThat(svg).containsExactlyInAnyOrderEntriesOf(json);
    assertThat(svg.values().stream().mapToLong(Long::longValue).sum())
        .as("every history ends in a status")
        .isEqualTo(metrics.get("histories").asLong());
  }

  @Test
  void theHistogramsAreTheJsonBins() {
    List<String> drawn =
        attributes(
            "//h:section[@id='metrics']//h:figure[contains(@class, 'histogram')]", "data-measure");
    List<String> expected = new ArrayList<>();
    for (String measure : List.of("waitTime", "timeInProgress", "timeToCompletion")) {
      JsonNode bins = metrics.at("/" + measure + "/histogram");
      if (bins.isEmpty()) {
        continue;
      }
      expected.add(measure);
      List<String> json = new ArrayList<>();
      long total = 0;
      for (JsonNode b : bins) {
        json.add(
            b.get("fromMs").asLong()
                + "-"
                + (b.get("toMs").isNull() ? "" : b.get("toMs").asLong())
                + ":"
                + b.get("count").asLong());
        total += b.get("count").asLong();
      }
      assertThat(total).isEqualTo(metrics.at("/" + measure + "/count").asLong());
      List<String> svg = new ArrayList<>();
      for (Node n : nodes("//h:figure[@data-measure='" + measure + "']//s:g[@class='bin']")) {
        Element g = (Element) n;
        long count = Long.parseLong(g.getAttribute("data-count"));
        svg.add(
            millis(g.getAttribute("data-from"))
                + "-"
                + (g.getAttribute("data-to").isEmpty() ? "" : millis(g.getAttribute("data-to")))
                + ":"
                + count);
        assertThat(text(g, "s:text[@class='count']"))
            .as("a bin's count, none on an empty bin")
            .isEqualTo(count == 0 ? "" : format(count));
      }
      assertThat(svg).as(measure).containsExactlyElementsOf(json);
    }
    assertThat(expected)
        .as("the replay measures wait time and time to completion")
        .contains("waitTime", "timeToCompletion");
    assertThat(drawn).containsExactlyElementsOf(expected);
  }

  private static long kindSum(JsonNode flow, String kind) {
    long n = 0;
    for (JsonNode e : flow.get("edges")) {
      if (e.get("kind").asText().equals(kind)) {
        n += e.get("count").asLong();
      }
    }
    return n;
  }

  /** An {@code xs:duration} of days, hours, minutes and seconds in milliseconds. */
  private static long millis(String iso) {
    return Duration.parse(iso).toMillis();
  }

  /** A count as the report prints it: 1,234. */
  private static String format(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  private static List<Node> nodes(String expr) {
    try {
      NodeList list = (NodeList) xpath.evaluate(expr, html, XPathConstants.NODESET);
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < list.getLength(); i++) {
        out.add(list.item(i));
      }
      return out;
    } catch (XPathExpressionException e) {
      throw new AssertionError(expr, e);
    }
  }

  private static List<String> attributes(String expr, String name) {
    return nodes(expr).stream().map(n -> ((Element) n).getAttribute(name)).toList();
  }

  private static String text(Node context, String expr) {
    try {
      return xpath.evaluate(expr, context).replaceAll("\\s+", " ").trim();
    } catch (XPathExpressionException e) {
      throw new AssertionError(expr, e);
    }
  }
}
