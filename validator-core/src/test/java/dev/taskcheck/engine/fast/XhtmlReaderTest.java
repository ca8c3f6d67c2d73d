package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.utilities.StringPair;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link XhtmlReader} against HL7's own XHTML parser (as the reference engine runs it on a JSON
 * div): the same texts accepted and refused, the same trees, the same entity reports.
 */
class XhtmlReaderTest {

  private static final String NS = "xmlns=\"http://www.w3.org/1999/xhtml\"";

  /** The tree in a canonical text form, or "REFUSED", or "NOT COVERED". */
  private static String ours(String text) {
    try {
      XhtmlReader.Result r = XhtmlReader.read(text);
      return canonical(r.root()) + " " + r.entities();
    } catch (XhtmlReader.Malformed e) {
      return "REFUSED";
    }
  }

  private static String hl7(String text) {
    XhtmlParser parser = new XhtmlParser();
    org.hl7.fhir.utilities.xhtml.XhtmlNode root;
    try {
      root = parser.setXmlMode(true).parse(text, null).getDocumentElement();
    } catch (Exception e) {
      return "REFUSED";
    }
    List<String> entities = new ArrayList<>();
    for (StringPair p : parser.getValidationIssues()) {
      entities.add(p.getValue());
    }
    return canonical(root) + " " + entities;
  }

  private static String canonical(XhtmlNode n) {
    return switch (n.kind()) {
      case TEXT -> "\"" + n.content() + "\"";
      case COMMENT -> "<!--" + n.content() + "-->";
      case CDATA -> "<![" + n.content() + "]>";
      case ELEMENT -> {
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < n.attributeCount(); i++) {
          attributes.put(n.attributeName(i), String.valueOf(n.attributeValue(i)));
        }
        StringBuilder b = new StringBuilder("<" + n.name() + " " + attributes + ">");
        for (XhtmlNode c : n.children()) {
          b.append(canonical(c));
        }
        yield b.append("</>").toString();
      }
    };
  }

  private static String canonical(org.hl7.fhir.utilities.xhtml.XhtmlNode n) {
    NodeType t = n.getNodeType();
    if (t == NodeType.Text) {
      return "\"" + n.getContent() + "\"";
    }
    if (t == NodeType.Comment) {
      return "<!--" + n.getContent() + "-->";
    }
    if (t == NodeType.CData) {
      return "<![" + n.getContent() + "]>";
    }
    if (t != NodeType.Element) {
      return "?" + t;
    }
    Map<String, String> attributes = new TreeMap<>();
    for (Map.Entry<String, String> a : n.getAttributes().entrySet()) {
      if (!a.getKey().startsWith("xmlns:")) {
        attributes.put(a.getKey(), String.valueOf(a.getValue()));
      }
    }
    StringBuilder b = new StringBuilder("<" + n.getName() + " " + attributes + ">");
    for (org.hl7.fhir.utilities.xhtml.XhtmlNode c : n.getChildNodes()) {
      b.append(canonical(c));
    }
    return b.append("</>").toString();
  }

  private static boolean notCovered(String text) {
    try {
      XhtmlReader.read(text);
      return false;
    } catch (NotCovered e) {
      return true;
    } catch (XhtmlReader.Malformed e) {
      return false;
    }
  }

  private static void assertSameAsHl7(String text) {
    if (notCovered(text)) {
      return;
    }
    assertThat(ours(text)).as("%s", text).isEqualTo(hl7(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      <div xmlns="{ns}"><p>x</p></div> | <div {xmlns={ns}}><p {}>"x"</></> []
      <div><p>x</p> | <div {}><p {}>"x"</></> []
      <DIV>x</DIV> | REFUSED
      <DIV>x</div> | <div {}>"x"</> []
      just text | REFUSED
      `` | REFUSED
      <div>x</div>trailing <junk | <div {}>"x"</> []
      <div><p>x</div> | REFUSED
      <div>x</div > | REFUSED
      <div>a < b</div> | REFUSED
      <div>a > b</div> | <div {}>"a > b"</> []
      <div>&nbsp;&amp;&#65;&#x42;&#X43;</div> | <div {}>"\u00A0&AB"</> [&nbsp;]
      <div>&AMP;</div> | REFUSED
      <div>&bogus;</div> | REFUSED
      <div>&#-1;</div> | REFUSED
      <div>&#;</div> | REFUSED
      <div>&;</div> | REFUSED
      <div>&amp<b>x</b></div> | REFUSED
      <div><td nowrap>x</td></div> | <div {}><td {nowrap=null}>"x"</></> []
      <div><p title="a>b">x</p></div> | <div {}><p {title=a}>"b">x"</></> []
      <div><p class=x>y</p></div> | <div {}><p {class=x}>"y"</></> []
      <div><br/ ></div> | REFUSED
      <div><script>if (a<b) x();</script><p>y</p></div> | <div {}><script {}>"if (a<b) x();"</><p {}>"y"</></> []
      <div><!-- c --><?pi x?><![CDATA[<x>]]></div> | <div {}><!-- c --><!--?pi x?--><![<x>]></> []
      <div><![x]]></div> | REFUSED
      <!-- c --><?xml version="1.0"?><!DOCTYPE html> <div>x</div> | <div {}>"x"</> []
      <h:div xmlns:h="{ns}"><h:p>x</h:p></h:div> | <div {xmlns={ns}}><p {}>"x"</></> []
      <div xmlns="{ns}"><svg xmlns="s"><g/></svg></div> | <div {xmlns={ns}}><svg {xmlns=s}><g {}></></></> []
      """)
  void readsAsHl7Does(String template, String expectedTemplate) {
    String text = template.replace("{ns}", "http://www.w3.org/1999/xhtml");
    String expected = expectedTemplate.replace("{ns}", "http://www.w3.org/1999/xhtml");
    assertThat(ours(text)).isEqualTo(expected);
    assertThat(hl7(text)).isEqualTo(ours(text));
  }

  @Test
  void notCoveredWhereHl7DoesNotReturn() {
    assertThatThrownBy(() -> XhtmlReader.read("<div>a &amp b")).isInstanceOf(NotCovered.class);
    assertThatThrownBy(() -> XhtmlReader.read("<div>\uFFFF</div>")).isInstanceOf(NotCovered.class);
    assertThatThrownBy(() -> XhtmlReader.read("<div xmlns>x</div>")).isInstanceOf(NotCovered.class);
    assertThatThrownBy(() -> XhtmlReader.read("<div><!DOCTYPE [ <!ENTITY x SYSTEM \"y\"> ]></div>"))
        .isInstanceOf(NotCovered.class);
  }

  private static final String[] TOKENS = {
    "<div",
    "<div " + NS + ">",
    " " + NS,
    ">",
    "</div>",
    "<p>",
    "</p>",
    "<p",
    "<b>",
    "</b>",
    "<a href=\"#x\">",
    "</a>",
    "<br/>",
    "<br>",
    "<img src=\"x\"/>",
    "&amp;",
    "&nbsp;",
    "&lt;",
    "&#160;",
    "&#x41;",
    "&#X41;",
    "&#0;",
    "&#-1;",
    "&#;",
    "&",
    ";",
    "&copy",
    "&unknownentity;",
    "&QUOT;",
    "<!--",
    "-->",
    "--",
    "-",
    "<!",
    "<![CDATA[",
    "]]>",
    "]",
    "[",
    "<?",
    "?>",
    "?",
    "/",
    "/>",
    "=",
    "\"",
    "'",
    " ",
    "  ",
    "\n",
    "x",
    "text",
    "<",
    "</",
    "<x:p",
    "</x:p>",
    " xmlns:x=\"http://www.w3.org/1999/xhtml\"",
    " xmlns:x=\"urn:other\"",
    " xmlns=\"urn:other\"",
    " xmlns=\"\"",
    "<script>",
    "</script>",
    "DOCTYPE ",
    "!",
    " id=\"a\"",
    " id=a",
    " lang=\"en\"",
    " xml:lang=\"de\"",
    " title='q'",
    " nowrap",
    "<P>",
    "</P>",
    "<DIV>",
    "\uFEFF",
    "\t",
    "<_x>",
    "<1x>",
    "<x.y-z>",
    "\u00E9",
    "<td",
    "\0"
  };

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void sameAsHl7OnRandomTexts() {
    Random random = new Random(20240612L);
    int compared = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder();
      if (random.nextInt(4) > 0) {
        b.append("<div ").append(NS).append(">");
      }
      int n = 1 + random.nextInt(16);
      for (int t = 0; t < n; t++) {
        b.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      if (random.nextBoolean()) {
        b.append("</div>");
      }
      String text = b.toString();
      if (!notCovered(text)) {
        assertThat(ours(text)).as("%s", text).isEqualTo(hl7(text));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(20_000);
  }

  @Test
  void sameAsHl7OnEdgeCases() {
    for (String text :
        List.of(
            "<div/>",
            "<div / >",
            "<div",
            "<div ",
            "<div a",
            "<div a=",
            "<div a=\"",
            "< div>",
            "<>",
            "<>x</>",
            "<!-x><div/>",
            "<!--x--><div/>",
            "<!--x-- ><div/>",
            "<!---x--><div/>",
            "<!--!x--><div/>",
            "<?><div/>",
            "<??><div/>",
            "<!DOCTYPE x><div/>",
            "<!DOCTYPE x",
            "<div><!x></div>",
            "<div><!-x-></div>",
            "<div><!--x--></div>",
            "<div><!--x->y--></div>",
            "<div><!----></div>",
            "<div><!---></div>",
            "<div><!--a--->",
            "<div><![CDATA[]]></div>",
            "<div><![CDATA[</div>",
            "<div><![abcdef]]></div>",
            "<div><![abcdefg]]></div>",
            "<div><?x</div>",
            "<div></div x>",
            "<div></x:div>",
            "<div><p>x</x:p></div>",
            "<div>&#x;</div>",
            "<div>&#x110000;</div>",
            "<div>&#1114111;</div>",
            "<div>&#+65;</div>",
            "<div>&#x-1;</div>",
            "<div>&#99999999999;</div>",
            "<div>&#\u0661\u0662;</div>",
            "<div>&bsol;&NewLine;</div>",
            "<div>a&\0b</div>",
            "<div><script>x",
            "<div><script>abcdefghij",
            "<div><script/>x</div>",
            "<div><p a='1'b='2'/></div>",
            "<div><p a = \"1\" a=\"2\"/></div>",
            "<div><p a=\"&amp;&lt;\"/></div>",
            "<div><p a=&amp;/></div>",
            "<div><x:p xmlns:x=\"u\"><x:b/><p/></x:p></div>",
            "<div xmlns=\"a\"><p xmlns=\"a\"/><p xmlns=\"b\"/></div>",
            "<y:div xmlns=\"a\"><y:p/></y:div>",
            "<div xmlns:y=\"a\" xmlns=\"a\"><y:p xmlns=\"b\"><y:q/></y:p></div>",
            "\uFEFF  <div>x</div>",
            "<div>x</div><p>",
            "<div><p>unclosed",
            "<div><br></div>",
            "<div><p>x</P></div>")) {
      assertSameAsHl7(text);
    }
  }
}
