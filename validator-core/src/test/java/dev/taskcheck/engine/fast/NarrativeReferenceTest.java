package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the narrative checks against the reference engine itself, on narratives beyond
 * the probes (edge cases of the parser, every rule, links, images, languages, contained resources,
 * Bundles). Compared: the distinct narrative findings (rule, severity, expression, position,
 * message id) of each document.
 */
class NarrativeReferenceTest {

  private static final String NS = "xmlns=\"http://www.w3.org/1999/xhtml\"";

  private static TaskCheck reference;
  private static TaskCheck referenceCore;

  @BeforeAll
  static void engine() {
    reference = TaskCheck.builder().build();
    referenceCore = TaskCheck.builder().ruleSet(RuleSet.CORE).build();
  }

  private static List<String> referenceKeys(String json, boolean profilePass) {
    List<Issue> issues = new ArrayList<>();
    for (Result r : (profilePass ? reference : referenceCore).validateText(json, "doc.json")) {
      issues.addAll(r.issues());
    }
    return List.copyOf(new TreeSet<>(NarrativeTestSupport.narrativeKeys(issues)));
  }

  private static List<String> fastKeys(String json, boolean profilePass) {
    return List.copyOf(new TreeSet<>(NarrativeTestSupport.run(json, profilePass).keys()));
  }

  private static void assertSame(List<String> documents) {
    assertSame(documents, true);
  }

  private static void assertSame(List<String> documents, boolean profilePass) {
    List<String> failures = new ArrayList<>();
    int withFindings = 0;
    for (String json : documents) {
      List<String> expected = referenceKeys(json, profilePass);
      List<String> actual = fastKeys(json, profilePass);
      if (!actual.equals(expected)) {
        failures.add(json + "\n  reference " + expected + "\n  fast      " + actual);
      }
      withFindings += expected.isEmpty() ? 0 : 1;
    }
    assertThat(failures).isEmpty();
    assertThat(withFindings).isPositive();
  }

  private static final String[] ELEMENTS = {
    "p",
    "div",
    "span",
    "b",
    "i",
    "a",
    "a",
    "img",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "caption",
    "pre",
    "h1",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "code",
    "map",
    "area",
    "script",
    "font",
    "P",
    "x:p"
  };
  private static final String[] ATTRIBUTES = {
    " id=\"a\"",
    " id=\"b\"",
    " name=\"a\"",
    " href=\"#a\"",
    " href=\"#b\"",
    " href=\"#probe\"",
    " href=\"#zz\"",
    " href=\"\"",
    " href=\"http://x.org/p q\"",
    " href=\"ftp://x\"",
    " href=\"urn:x:y\"",
    " src=\"#a\"",
    " src=\"#zz\"",
    " src=\"http://x.org/i.png\"",
    " src=\"data:image/png;base64,abc\"",
    " lang=\"en\"",
    " xml:lang=\"en\"",
    " xml:lang=\"de\"",
    " xml:space=\"preserve\"",
    " onclick=\"x\"",
    " style=\"color:red\"",
    " class=\"c\"",
    " colspan=\"2\"",
    " nowrap",
    " xmlns=\"urn:other\"",
    " alt=\"t\""
  };
  private static final String[] TEXTS = {
    "x",
    "some text",
    " ",
    "\n  ",
    "&amp;",
    "&nbsp;",
    "&#160;",
    "a&lt;b",
    "<!-- c -->",
    "<![CDATA[c]]>",
    ""
  };

  private static void randomContent(Random random, StringBuilder b, int depth) {
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (depth > 3 || random.nextInt(3) == 0) {
        b.append(TEXTS[random.nextInt(TEXTS.length)]);
        continue;
      }
      String name = ELEMENTS[random.nextInt(ELEMENTS.length)];
      b.append('<').append(name);
      int attributes = random.nextInt(3);
      for (int a = 0; a < attributes; a++) {
        b.append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
      }
      if (random.nextInt(5) == 0) {
        b.append("/>");
      } else {
        b.append('>');
        randomContent(random, b, depth + 1);
        b.append("</").append(name).append('>');
      }
    }
  }

  @Test
  void randomNarratives() {
    Random random = new Random(7);
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder b = new StringBuilder("<div " + NS);
      if (random.nextInt(4) == 0) {
        b.append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
      }
      b.append('>');
      randomContent(random, b, 0);
      b.append("</div>");
      String json = NarrativeTestSupport.task(b.toString(), random.nextInt(3) == 0 ? "en" : null);
      try {
        NarrativeTestSupport.run(json);
        docs.add(json);
      } catch (NotCovered e) {
        // the reference engine fails on these (tested above)
      }
    }
    assertThat(docs).hasSizeGreaterThan(150);
    assertSame(docs);
  }

  @Test
  void notCoveredWhereTheReferenceEngineFails() {
    // a resource with a language, and a div without lang, xml:lang nor content: HL7 throws
    // (NullPointerException)
    String json = NarrativeTestSupport.task(div("<p> </p>"), "en");
    assertThatThrownBy(() -> NarrativeTestSupport.run(json)).isInstanceOf(NotCovered.class);
    List<String> rules = new ArrayList<>();
    for (Result r : reference.validateText(json, "doc.json")) {
      r.issues().forEach(i -> rules.add(i.ruleId()));
    }
    assertThat(rules).containsExactly("internal-error");
  }

  private static String div(String inner) {
    return "<div " + NS + ">" + inner + "</div>";
  }

  private static List<String> tasks(List<String> divs, @Nullable String language) {
    return divs.stream().map(d -> NarrativeTestSupport.task(d, language)).toList();
  }

  @Test
  void parserEdgeCases() {
    assertSame(
        tasks(
            List.of(
                "",
                "   ",
                "<div/>",
                div("&nbsp;&copy;&amp;&lt;x"),
                div("&AMP;"),
                div("&#160;&#xA0;"),
                div("&#X41;x"),
                div("&#-1;"),
                div("a &amp b</div>"),
                "<DIV " + NS + ">x</DIV>",
                "<DIV " + NS + ">x</div>",
                "<div " + NS + ">x</div>trailing <junk",
                "<div " + NS + "><p>open",
                div("<p>x</p >"),
                div("a < b"),
                div("<p title=\"a>b\">x</p>"),
                div("<td nowrap>x</td>"),
                div("<![CDATA[x]]>"),
                div("<![CDATA[]]>"),
                div("<!DOCTYPE html><p>x</p>"),
                div("<!--DOCTYPE x--><p>x</p>"),
                div("<?pi?><p>x</p>"),
                "<?xml version=\"1.0\"?><!-- c --><div " + NS + "><p>x</p></div>",
                "<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:p>x</h:p></h:div>",
                div("<script>alert(1)"),
                div("<br/ >")),
            null));
  }

  @Test
  void xhtmlRules() {
    assertSame(
        tasks(
            List.of(
                "<div><p>x</p></div>",
                "<div xmlns=\"urn:x\"><p>x</p></div>",
                div("<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"),
                "<p " + NS + ">x</p>",
                "<script " + NS + ">x</script>",
                "<span " + NS + " onclick=\"y\">x</span>",
                div("<blink>x</blink><P>y</P>"),
                div("<p onclick=\"x\" href=\"y\">x</p>"),
                div("<a href=\"http://x\" target=\"_blank\">x</a>"),
                div(
                    "<table summary=\"s\" cellpadding=\"1\"><tr><td nowrap=\"nowrap\" colspan=\"2\">x</td></tr></table>"),
                div("<pre xml:space=\"preserve\">x</pre>"),
                div("<p xml:space=\"preserve\">x</p>"),
                div("<p>x<div>y</div></p>"),
                div("<p><span><ul><li>x</li></ul></span></p>"),
                div("<p><blockquote>x</blockquote><table><tr><td>x</td></tr></table></p>"),
                div("<h1><pre>x</pre></h1>"),
                div("<b>x<b>y</b></b>"),
                div("<a href=\"http://x\">x<a name=\"y\">z</a></a>"),
                div("<p>x<br>y</br></p>"),
                div("<img src=\"http://x/a.png\">alt</img>"),
                div("<hr> </hr>"),
                div("<li>x</li>"),
                div("<ul><li>x</li>text<p>y</p></ul>"),
                div("<table>x<tr><td>y</td></tr></table>"),
                div("<table><tbody><td>x</td></tbody></table>"),
                div("<tr><td>x</td></tr>"),
                div(
                    "<table><caption><div>x</div></caption><colgroup><col/></colgroup><tr><th>x</th></tr></table>"),
                div("<col/><caption>x</caption><colgroup/>"),
                div("<dl><dt>a</dt><dd>b</dd><p>c</p></dl><dd>x</dd>"),
                div("<map name=\"m\"><area shape=\"rect\" href=\"#m\"/>x</map>"),
                div("<!-- c --><p>x</p>"),
                div("<div xml:lang=\"en\">x</div><p>y</p>"),
                div("<div xml:lang=\"en\">x</div><div xml:lang=\"de\">y</div>"),
                div("<div xml:lang=\"en\">x</div> <!-- c -->"),
                div("<p id=\"a\">x</p><p id=\"a\">y</p><p id=\"a\">z</p>"),
                div("<a name=\"a\" id=\"a\">x</a>"),
                div("<a name=\"a\">x</a><p id=\"a\">y</p><a name=\"b\"/><i id=\"b\"/>"),
                "<div " + NS + " id=\"r\"><p id=\"r\">x</p></div>"),
            null));
  }

  @Test
  void contentForTxt2() {
    assertSame(
        tasks(
            List.of(
                div(""),
                div("  \n "),
                div("<p> </p>"),
                div("<img src=\"http://x/a.png\"/>"),
                div("&nbsp;"),
                div("<![CDATA[text]]>"),
                div("<!-- text -->"),
                div("<br/>"),
                "<img " + NS + "/>"),
            null));
  }

  @Test
  void links() {
    assertSame(
        tasks(
            List.of(
                div("<a href=\"\">x</a>"),
                div("<a href=\"#\">x</a>"),
                div("<a href=\"#probe\">x</a>"),
                div("<a href=\"#nope\">x\ny</a>"),
                div("<a name=\"here\"/><a href=\"#here\">x</a>"),
                div("<p id=\"here\">x</p><a href=\"#here\">x</a>"),
                div("<a name=\"h\" id=\"h\"/><a href=\"#h\">x</a>"),
                div("<p id=\"h\">x</p><a name=\"h\"/><a href=\"#h\">x</a>"),
                "<div " + NS + " id=\"top\"><a href=\"#top\">x</a></div>",
                div("<a href=\"javascript:alert(1)\">x</a>"),
                div("<a href=\"JAVASCRIPT:alert(1)\">x</a>"),
                div("<a href=\"vbscript:x\">x</a>"),
                div("<a href=\"urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11\">x</a>"),
                div("<a href=\"cid:abc\">x</a>"),
                div("<a href=\"ftp://example.org/x\">x</a>"),
                div("<a href=\"mailto:a@b.org\">x</a><a href=\"tel:+4912\">y</a>"),
                div("<a href=\"file:x\">x</a>"),
                div("<a href=\"a b\">x</a>"),
                div("<a href=\"x:y z\">x</a>"),
                div("<a href=\"my-scheme:x\">x</a>"),
                div("<a href=\"http://example.org/a|b?c=d&amp;e\">x</a>"),
                div("<a href=\"http://example.org/\u00e9\">x</a>"),
                div("<a href=\"data:text/plain,hello\">x</a>"),
                div("<a href=\"data:,\">x</a>"),
                div("<a>no href</a><a href>null</a>"),
                div("<area href=\"ftp://x\"/>")),
            null));
  }

  @Test
  void images() {
    assertSame(
        tasks(
            List.of(
                div("<img src=\"#nope\" alt=\"a\"/>"),
                div("<img src=\"#\"/>"),
                div("<p id=\"i\">x</p><img src=\"#i\"/>"),
                div("<a name=\"i\">x</a><img src=\"#i\"/>"),
                div("<p id=\"i\">x</p><b id=\"i\">y</b><img src=\"#i\"/>"),
                div("<img src=\"#probe\"/>"),
                div("<p><img src=\"#nope\"/></p>"),
                div("<img src=\"\"/>"),
                div("<img src=\"a b.png\"/>"),
                div("<img src=\"data:image/png;base64,iVBORw0KGgo=\"/>"),
                div("<img src=\"data:image/png;base64,abc\"/>"),
                div("<img src=\"data:image/png;base64,a,b\"/>"),
                div("<img src=\"data:bad type,x\"/>"),
                div("<img src=\"data: image/png,x\"/>"),
                div("<img/>")),
            null));
  }

  @Test
  void languages() {
    List<String> docs = new ArrayList<>();
    for (String d :
        List.of(
            div("<p>x</p>"),
            "<div " + NS + " lang=\"en\"><p>x</p></div>",
            "<div " + NS + " xml:lang=\"en\"><p>x</p></div>",
            "<div " + NS + " lang=\"de\" xml:lang=\"de\"><p>x</p></div>",
            "<div " + NS + " lang=\"en\" xml:lang=\"de\"><p>x</p></div>",
            "<div " + NS + " lang=\"de\" xml:lang=\"en\">x</div>",
            "<div " + NS + " lang=\"de\" xml:lang=\"de\">x</div>",
            div("<div xml:lang=\"en\" lang=\"en\">x</div>"),
            div("<div xml:lang=\"de\">x</div><div xml:lang=\"en\">y</div>"),
            div("<div lang=\"en\">x</div>"),
            div("<div xml:lang=\"en\">x</div><p>y</p>"),
            "<div " + NS + " lang>x</div>",
            "just text")) {
      docs.add(NarrativeTestSupport.task(d, "en"));
    }
    docs.add(NarrativeTestSupport.task(div("<p>x</p>"), ""));
    assertSame(docs);
  }

  private static ObjectNode taskNode(String id, String div) throws Exception {
    ObjectNode task =
        (ObjectNode) NarrativeTestSupport.JSON.readTree(NarrativeTestSupport.task(div, null));
    task.put("id", id);
    return task;
  }

  private static ObjectNode resource(String type, String id, String div) {
    ObjectNode r = NarrativeTestSupport.JSON.createObjectNode();
    r.put("resourceType", type);
    r.put("id", id);
    r.putObject("text").put("status", "generated").put("div", div);
    return r;
  }

  private static String text(ObjectNode node) throws Exception {
    return NarrativeTestSupport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  @Test
  void contained() throws Exception {
    ObjectNode task =
        taskNode(
            "probe",
            div(
                "<a href=\"#p1\">patient</a><img src=\"#p1\"/><a href=\"#pn\">n</a>"
                    + "<a href=\"#s1\">status</a><a href=\"#i1\">identifier</a><img src=\"#pn\"/><a href=\"#t9\">t</a>"
                    + "<a href=\"#d1\">div</a>"));
    ObjectNode patient =
        resource(
            "Patient",
            "p1",
            div(
                "<p id=\"pn\">x</p><a href=\"#probe\">task</a>"
                    + "<a href=\"#gone\">y</a><img src=\"#s1\"/><a href=\"#pn\">again</a>"));
    patient.put("language", "en");
    ((ObjectNode) patient.get("text")).putObject("_div").put("id", "d1");
    patient.putArray("identifier").addObject().put("id", "i1").put("value", "x");
    ObjectNode inner =
        taskNode("t9", div("<a name=\"pn\"/><a href=\"#pn\">twice</a><img src=\"#nope\"/>"));
    task.putArray("contained").add(patient).add(inner);
    task.putObject("_status").put("id", "s1");
    assertSame(List.of(text(task)));
    assertSame(List.of(text(task)), false);
  }

  @Test
  void bundles() throws Exception {
    ObjectNode bundle = NarrativeTestSupport.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle").put("id", "b1").put("type", "collection");
    ObjectNode first =
        taskNode(
            "t1",
            div(
                "<a href=\"#t2\">other task</a><a href=\"#b1\">bundle</a>"
                    + "<a href=\"#zz\">x</a><img src=\"#t2\"/><a href=\"#c1\">contained</a><img src=\"#c1\"/>"
                    + "<p id=\"dup\">d</p><a href=\"#dup\">d</a>"));
    first
        .putArray("contained")
        .add(
            resource(
                "Patient",
                "c1",
                div(
                    "<img src=\"#t2\"/><a href=\"#t2\">y</a>"
                        + "<a href=\"#t1\">z</a><img src=\"#t1\"/><a href=\"#nowhere\">n</a><img src=\"#c1\"/>")));
    ObjectNode second =
        taskNode("t2", "<div " + NS + " lang=\"de\"><p id=\"t2\">x</p><p id=\"dup\">y</p></div>");
    second.put("language", "en");
    ObjectNode patient = resource("Patient", "p9", div("<a href=\"#nowhere\">n</a>"));
    var entries = bundle.putArray("entry");
    entries.addObject().put("fullUrl", "http://x/Task/t1").set("resource", first);
    entries.addObject().put("fullUrl", "http://x/Task/t2").set("resource", second);
    entries.addObject().put("fullUrl", "http://x/Patient/p9").set("resource", patient);
    assertSame(List.of(text(bundle)));
    assertSame(List.of(text(bundle)), false);
  }
}
