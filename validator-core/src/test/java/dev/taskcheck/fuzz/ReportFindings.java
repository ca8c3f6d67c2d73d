package dev.taskcheck.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.Report;
import dev.taskcheck.report.OutputFormat;
import dev.taskcheck.report.RenderOptions;
import dev.taskcheck.report.ReportOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The findings a written report lists, read back from each of the seven formats, so that a test can
 * check that every format tells the same run: each finding as {@code source|line|column|severity|
 * rule-id}, and for the formats with a field of their own for it, {@code |expression} too. The
 * lists are sorted (the formats group findings differently).
 */
public final class ReportFindings {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A finding line of the text and JUnit formats, {@code source:line[:col] severity rule-id}, for a
   * source without spaces (the summary lines have spaces before their first severity word).
   */
  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+?)(?::(\\d+)(?::(\\d+))?)? (fatal|error|warning|information) (\\S+) .*$",
          Pattern.MULTILINE);

  private ReportFindings() {}

  /** The report as the format writes it. */
  public static String render(OutputFormat format, Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ReportOutput out = format.toStream(bytes, RenderOptions.defaults())) {
      report.replay(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * The findings the report lists, with their expressions unless {@code withExpressions} is off.
   */
  public static List<String> fromModel(Report report, boolean withExpressions) {
    List<String> out = new ArrayList<>();
    for (var r : report.results()) {
      for (var i : r.issues()) {
        out.add(
            key(
                r.source(),
                text(i.line()),
                text(i.column()),
                i.severity().code(),
                i.ruleId(),
                withExpressions ? nullToEmpty(i.expression()) : null));
      }
    }
    Collections.sort(out);
    return out;
  }

  /** Whether the format is XML, which drops the characters XML 1.0 does not allow (a NUL, ...). */
  public static boolean isXml(OutputFormat format) {
    return format == OutputFormat.XML
        || format == OutputFormat.JUNIT
        || format == OutputFormat.HTML;
  }

  /** {@code keys} as an XML format writes them: without the characters XML 1.0 does not allow. */
  public static List<String> xmlSafe(List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      StringBuilder b = new StringBuilder(k.length());
      for (int i = 0; i < k.length(); i++) {
        char c = k.charAt(i);
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < k.length()
                && Character.isLowSurrogate(k.charAt(i + 1));
        if (pair) {
          b.append(c).append(k.charAt(++i));
        } else if ((c >= 0x20 && c <= 0xD7FF && c != 0xFFFE && c != 0xFFFF)
            || (c >= 0xE000 && c <= 0xFFFD)
            || c == '\t'
            || c == '\n'
            || c == '\r') {
          b.append(c);
        }
      }
      out.add(b.toString());
    }
    Collections.sort(out);
    return out;
  }

  /** Whether the format has a field of its own for a finding's expression. */
  public static boolean namesExpressions(OutputFormat format) {
    return format != OutputFormat.TEXT && format != OutputFormat.JUNIT;
  }

  /** The findings {@code written} (the output of {@code format}) lists. */
  public static List<String> read(OutputFormat format, String written) {
    try {
      List<String> out =
          switch (format) {
            case TEXT, JUNIT ->
                fromLines(format == OutputFormat.JUNIT ? junitText(written) : written);
            case JSON -> fromJson(JSON.readTree(written));
            case SARIF -> fromSarif(JSON.readTree(written));
            case OPERATIONOUTCOME -> fromOperationOutcome(JSON.readTree(written));
            case XML -> fromXml(parse(written));
            case HTML -> fromHtml(parse(written));
          };
      Collections.sort(out);
      return out;
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new AssertionError(format.code() + " report does not parse: " + e, e);
    }
  }

  private static List<String> fromLines(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      out.add(
          key(
              m.group(1),
              nullToEmpty(m.group(2)),
              nullToEmpty(m.group(3)),
              m.group(4),
              m.group(5),
              null));
    }
    return out;
  }

  /**
   * The finding lines of a JUnit report: the bodies of its failure, error and system-out elements.
   */
  private static String junitText(String written)
      throws IOException, SAXException, ParserConfigurationException {
    Document doc = parse(written);
    StringBuilder b = new StringBuilder();
    for (String tag : List.of("failure", "error", "system-out")) {
      NodeList nodes = doc.getElementsByTagName(tag);
      for (int k = 0; k < nodes.getLength(); k++) {
        b.append(nodes.item(k).getTextContent()).append('\n');
      }
    }
    return b.toString();
  }

  private static List<String> fromJson(JsonNode root) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      for (JsonNode i : r.path("issues")) {
        out.add(
            key(
                r.path("source").asText(),
                i.path("line").asText(""),
                i.path("column").asText(""),
                i.path("severity").asText(),
                i.path("ruleId").asText(),
                i.path("expression").asText("")));
      }
    }
    return out;
  }

  private static List<String> fromSarif(JsonNode root) {
    List<String> out = new ArrayList<>();
    for (JsonNode run : root.path("runs")) {
      for (JsonNode res : run.path("results")) {
        JsonNode location = res.path("locations").path(0);
        JsonNode region = location.path("physicalLocation").path("region");
        String expression = "";
        for (JsonNode logical : location.path("logicalLocations")) {
          if (logical.path("kind").asText().equals("element")) {
            expression = logical.path("fullyQualifiedName").asText();
          }
        }
        out.add(
            key(
                URLDecoder.decode(
                    location.path("physicalLocation").path("artifactLocation").path("uri").asText(),
                    StandardCharsets.UTF_8),
                region.path("startLine").asText(""),
                region.path("startColumn").asText(""),
                res.path("properties").path("severity").asText(),
                res.path("ruleId").asText(),
                expression));
      }
    }
    return out;
  }

  /** One OperationOutcome per result: alone for a run of one result, else in a Bundle. */
  private static List<String> fromOperationOutcome(JsonNode root) {
    List<JsonNode> outcomes = new ArrayList<>();
    if (root.path("resourceType").asText().equals("OperationOutcome")) {
      outcomes.add(root);
    }
    for (JsonNode entry : root.path("entry")) {
      outcomes.add(entry.path("resource"));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode outcome : outcomes) {
      String source = extension(outcome, "validated-source");
      for (JsonNode issue : outcome.path("issue")) {
        if (extension(issue, "operationoutcome-message-id").isEmpty()) {
          continue; // the "no findings" issue FHIR needs in an OperationOutcome without findings
        }
        out.add(
            key(
                source,
                extension(issue, "operationoutcome-issue-line"),
                extension(issue, "operationoutcome-issue-col"),
                issue.path("severity").asText(),
                extension(issue, "operationoutcome-message-id"),
                issue.path("expression").path(0).asText("")));
      }
    }
    return out;
  }

  /** The value of the extension whose URL ends with {@code name}, as text; empty if none. */
  private static String extension(JsonNode element, String name) {
    for (JsonNode e : element.path("extension")) {
      if (e.path("url").asText().endsWith("/" + name)) {
        for (String type : List.of("valueInteger", "valueString", "valueCode")) {
          if (e.has(type)) {
            return e.get(type).asText();
          }
        }
      }
    }
    return "";
  }

  private static List<String> fromXml(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList results = doc.getElementsByTagNameNS("*", "result");
    for (int k = 0; k < results.getLength(); k++) {
      Element r = (Element) results.item(k);
      NodeList issues = r.getElementsByTagNameNS("*", "issue");
      for (int j = 0; j < issues.getLength(); j++) {
        Element i = (Element) issues.item(j);
        out.add(
            key(
                r.getAttribute("source"),
                i.getAttribute("line"),
                i.getAttribute("column"),
                i.getAttribute("severity"),
                i.getAttribute("ruleId"),
                i.getAttribute("expression")));
      }
    }
    return out;
  }

  /** The finding rows of the HTML report, under the path heading of their file's section. */
  private static List<String> fromHtml(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList sections = doc.getElementsByTagNameNS("*", "section");
    for (int k = 0; k < sections.getLength(); k++) {
      Element section = (Element) sections.item(k);
      if (!section.getAttribute("class").equals("file")) {
        continue;
      }
      String source = firstWithClass(section, "code", "path");
      NodeList rows = section.getElementsByTagNameNS("*", "tr");
      for (int j = 0; j < rows.getLength(); j++) {
        Element row = (Element) rows.item(j);
        if (!row.getAttribute("class").startsWith("finding ")) {
          continue;
        }
        List<Element> cells = children(row, "td");
        String expression = cells.get(4).getTextContent();
        out.add(
            key(
                source,
                cells.get(0).getTextContent(),
                cells.get(1).getTextContent(),
                cells.get(2).getTextContent(),
                cells.get(3).getTextContent(),
                expression.equals("-") ? "" : expression));
      }
    }
    return out;
  }

  private static String firstWithClass(Element root, String tag, String cssClass) {
    NodeList nodes = root.getElementsByTagNameNS("*", tag);
    for (int k = 0; k < nodes.getLength(); k++) {
      Element e = (Element) nodes.item(k);
      if (e.getAttribute("class").equals(cssClass)) {
        return e.getTextContent();
      }
    }
    return "";
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Document parse(String xml)
      throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String key(
      String source,
      String line,
      String column,
      String severity,
      String ruleId,
      String expression) {
    String base = source + "|" + line + "|" + column + "|" + severity + "|" + ruleId;
    return expression == null ? base : base + "|" + expression;
  }

  private static String text(Integer value) {
    return value == null ? "" : value.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
