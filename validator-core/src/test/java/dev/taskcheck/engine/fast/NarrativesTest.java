package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.model.Issue;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The narrative checks one by one: what each reports (rule, severity, expression, message id), and
 * when not.
 */
class NarrativesTest {

  private static final String NS = "xmlns=\"http://www.w3.org/1999/xhtml\"";
  private static final String TXT1 =
      "txt-1 error Task.text.div http://hl7.org/fhir/StructureDefinition/Narrative#txt-1";
  private static final String TXT2 =
      "txt-2 error Task.text.div http://hl7.org/fhir/StructureDefinition/Narrative#txt-2";

  private static String div(String inner) {
    return "<div " + NS + ">" + inner + "</div>";
  }

  /**
   * The findings for a Task with this div (and language), as "ruleId severity expression
   * messageId".
   */
  private static List<String> findings(String div, @Nullable String language) {
    return NarrativeTestSupport.run(NarrativeTestSupport.task(div, language)).issues().stream()
        .map(NarrativesTest::brief)
        .toList();
  }

  private static List<String> findings(String div) {
    return findings(div, null);
  }

  private static String brief(Issue i) {
    return i.ruleId() + " " + i.severity().code() + " " + i.expression() + " " + i.messageId();
  }

  private static String atDiv(String messageId, String severity) {
    return "structure-other " + severity + " Task.text.div " + messageId;
  }

  private static String atTask(String messageId) {
    return "structure-other warning Task " + messageId;
  }

  @Test
  void aPlainNarrativeHasNoFindings() {
    assertThat(
            findings(
                div(
                    "<p>Draw blood for a <b>lipid</b> panel</p><table><tr><td>x</td></tr></table>")))
        .isEmpty();
    assertThat(findings("<div " + NS + " lang=\"en\" xml:lang=\"en\"><p>x</p></div>", "en"))
        .isEmpty();
  }

  @Test
  void unreadableXhtmlFailsBothInvariants() {
    String parse = "structure-type error Task.text.div Error_parsing_XHTML_";
    assertThat(findings("just text")).containsExactly(parse, TXT1, TXT2);
    assertThat(findings(div("<p>x</div>"))).containsExactly(parse, TXT1, TXT2);
    assertThat(findings("")).containsExactly(parse, TXT1, TXT2);
    assertThat(findings(div("&bogus;"))).containsExactly(parse, TXT1, TXT2);
    assertThat(findings(div("a < b"))).containsExactly(parse, TXT1, TXT2);
    // no language finding for a div that cannot be read
    assertThat(findings("just text", "en")).containsExactly(parse, TXT1, TXT2);
  }

  @Test
  void namedEntitiesOtherThanXmlsAreReportedWithoutId() {
    assertThat(findings(div("<p>&nbsp;x</p>")))
        .containsExactly("structure-other error Task.text.div null");
    assertThat(findings(div("<p>&#160;&amp;&lt;&gt;&quot;&apos;x</p>"))).isEmpty();
  }

  @Test
  void namespaces() {
    assertThat(findings("<div><p>x</p></div>"))
        .containsExactly(atDiv("XHTML_XHTML_NS_InValid", "error"));
    assertThat(findings("<div xmlns=\"urn:x\"><p>x</p></div>"))
        .containsExactly(atDiv("XHTML_XHTML_NS_InValid", "error"));
    assertThat(findings(div("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
        .containsExactly(
            atDiv("XHTML_XHTML_NS_InValid", "error"),
            atDiv("XHTML_XHTML_Element_Illegal", "error"),
            TXT1,
            TXT2);
    assertThat(findings("<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:p>x</h:p></h:div>"))
        .isEmpty();
  }

  @Test
  void theRootMustBeADivButIsNotCheckedAsAChild() {
    assertThat(findings("<p " + NS + ">x</p>"))
        .containsExactly(atDiv("XHTML_XHTML_Name_Invalid", "error"));
    // the root's own name and attributes are only seen by txt-1
    assertThat(findings("<script " + NS + ">x</script>"))
        .containsExactly(atDiv("XHTML_XHTML_Name_Invalid", "error"), TXT1);
    assertThat(findings("<div " + NS + " onclick=\"x\">y</div>")).containsExactly(TXT1);
  }

  @Test
  void elementsAndAttributes() {
    assertThat(findings(div("<script>alert(1)</script><p>x</p>")))
        .containsExactly(atDiv("XHTML_XHTML_Element_Illegal", "error"), TXT1);
    assertThat(findings(div("<P>x</P>")))
        .containsExactly(atDiv("XHTML_XHTML_Element_Illegal", "error"), TXT1);
    assertThat(findings(div("<p onclick=\"x()\">x</p>")))
        .containsExactly(atDiv("XHTML_XHTML_Attribute_Illegal", "error"), TXT1);
    assertThat(findings(div("<p href=\"http://x\">x</p>")))
        .containsExactly(atDiv("XHTML_XHTML_Attribute_Illegal", "error"), TXT1);
    assertThat(
            findings(
                div(
                    "<a href=\"http://x\" name=\"n\" rel=\"r\">x</a><img src=\"http://x/a.png\" alt=\"a\" "
                        + "width=\"1\"/><table summary=\"s\" border=\"1\"><tr><td nowrap=\"nowrap\" colspan=\"2\" style=\"c\">x</td>"
                        + "</tr></table><q cite=\"c\">q</q><pre space=\"s\">p</pre>")))
        .isEmpty();
  }

  @Test
  void xmlSpaceIsOnlyInformation() {
    assertThat(findings(div("<pre xml:space=\"preserve\">x</pre>")))
        .containsExactly(atDiv("XHTML_XHTML_ATTRIBUTE_XML_SPACE", "information"));
  }

  @Test
  void aDoctypeIsRefused() {
    assertThat(findings(div("<!DOCTYPE html><p>x</p>")))
        .containsExactly(atDiv("XHTML_XHTML_DOCTYPE_ILLEGAL", "error"), TXT1);
    assertThat(findings(div("<!-- DOCTYPE --><p>x</p>"))).isEmpty();
  }

  @Test
  void blocksInParagraphs() {
    assertThat(findings(div("<p>x<div>y</div></p>")))
        .containsExactly(
            atDiv("XHTML_XHTML_ELEMENT_ILLEGAL_IN_PARA", "error"),
            atDiv("XHTML_XHTML_BLOCK_IN_PARA", "error"));
    // blockquote may not be in a p, but is no block for the structure rules; ul is both
    assertThat(findings(div("<p><blockquote>x</blockquote></p>")))
        .containsExactly(atDiv("XHTML_XHTML_ELEMENT_ILLEGAL_IN_PARA", "error"));
    assertThat(findings(div("<h1><pre>x</pre></h1>")))
        .containsExactly(atDiv("XHTML_XHTML_BLOCK_IN_PARA", "error"));
    assertThat(findings(div("<span><ul><li>x</li></ul></span>")))
        .containsExactly(atDiv("XHTML_XHTML_BLOCK_IN_PARA", "error"));
  }

  @Test
  void structureRules() {
    assertThat(findings(div("<p><b>x<b>y</b></b></p>")))
        .containsExactly(atDiv("XHTML_XHTML_NO_RECURSION", "error"));
    assertThat(findings(div("<p>x<br>y</br></p>")))
        .containsExactly(atDiv("XHTML_XHTML_NO_CHILDREN", "error"));
    assertThat(findings(div("<hr> </hr><p>x</p>")))
        .containsExactly(atDiv("XHTML_XHTML_NO_CHILDREN", "error"));
    assertThat(findings(div("<li>x</li>")))
        .containsExactly(atDiv("XHTML_XHTML_OUT_OF_PLACE", "error"));
    assertThat(findings(div("<table><tbody><td>x</td></tbody></table>")))
        .containsExactlyInAnyOrder(
            atDiv("XHTML_XHTML_OUT_OF_PLACE", "error"),
            atDiv("XHTML_XHTML_ILLEGAL_CHILDREN", "error"));
    assertThat(findings(div("<table>x<tr><td>y</td></tr></table>")))
        .containsExactly(atDiv("XHTML_XHTML_ILLEGAL_CHILDREN", "error"));
    assertThat(findings(div("<table> <!-- c --> <tr><th>x</th></tr></table><ul> <li>y</li></ul>")))
        .isEmpty();
    assertThat(
            findings(
                div(
                    "<dl><dt>a</dt><dd>b</dd></dl><map name=\"m\"><area href=\"http://x\"/></map>")))
        .isEmpty();
  }

  @Test
  void urls() {
    assertThat(findings(div("<a href=\"a b\">x</a>")))
        .containsExactly(atDiv("XHTML_URL_INVALID", "error"));
    assertThat(findings(div("<img src=\"\"/>")))
        .containsExactly(atDiv("XHTML_URL_INVALID", "error"));
    assertThat(findings(div("<img src=\"data:image/png;base64,abc\"/>")))
        .containsExactly(atDiv("XHTML_URL_INVALID", "error"));
    assertThat(findings(div("<img src=\"data:bad type,x\"/>")))
        .containsExactly(atDiv("XHTML_URL_INVALID", "error"));
    assertThat(
            findings(
                div(
                    "<img src=\"data:image/png;base64,iVBORw0KGgo=\"/><a href=\"http://x/\u00e9?a=b\">x</a>")))
        .isEmpty();
  }

  @Test
  void languageDivsNextToOtherContent() {
    assertThat(findings(div("<div xml:lang=\"en\">x</div><p>y</p>")))
        .containsExactly(atDiv("XHTML_XHTML_MIXED_LANG", "warning"));
    assertThat(findings(div("<div xml:lang=\"en\">x</div><div xml:lang=\"de\">y</div> <!-- c -->")))
        .isEmpty();
  }

  @Test
  void duplicateIds() {
    assertThat(findings(div("<p id=\"a\">x</p><p id=\"a\">y</p>")))
        .containsExactly(atDiv("XHTML_XHTML_DUPLICATE_IDS", "warning"));
    assertThat(findings(div("<a name=\"a\">x</a><p id=\"a\">y</p>")))
        .containsExactly(atDiv("XHTML_XHTML_DUPLICATE_IDS", "warning"));
    // the same name and id on one element is fine, and the root's id is not counted
    assertThat(findings("<div " + NS + " id=\"a\"><a name=\"a\" id=\"a\">x</a></div>")).isEmpty();
  }

  @Test
  void linkSchemes() {
    assertThat(findings(div("<a href=\"\">x</a>")))
        .containsExactly(
            atDiv("XHTML_URL_INVALID", "error"),
            atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_EMPTY_HREF", "error"));
    assertThat(findings(div("<a href=\"javascript:alert(1)\">x</a>")))
        .containsExactly(atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_ACTIVE_HREF", "error"));
    assertThat(findings(div("<a href=\"urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11\">x</a>")))
        .containsExactly(atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_LITERAL_HREF", "error"));
    assertThat(findings(div("<a href=\"ftp://example.org/x\">x</a>")))
        .containsExactly(atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_UNKNOWN_HREF", "information"));
    // not absolute as HL7 reads it: upper-case scheme, '-' in the scheme, nothing after ':'
    assertThat(
            findings(
                div(
                    "<a href=\"JAVASCRIPT:x\">x</a><a href=\"my-app:x\">y</a><a href=\"ftp:\">z</a>")))
        .isEmpty();
    assertThat(
            findings(
                div(
                    "<a href=\"mailto:a@b.org\">x</a><a href=\"tel:+4912\">y</a><a href=\"#\">z</a>")))
        .isEmpty();
  }

  @Test
  void fragmentLinks() {
    assertThat(findings(div("<a href=\"#nope\">x</a>")))
        .containsExactly(atDiv("Type_Specific_Checks_DT_XHTML_Resolve", "error"));
    assertThat(
            findings(div("<a name=\"here\"/><a href=\"#here\">x</a><a href=\"#probe\">task</a>")))
        .isEmpty();
    assertThat(findings(div("<p id=\"h\">x</p><a name=\"h\"/><a href=\"#h\">x</a>")))
        .containsExactly(
            atDiv("XHTML_XHTML_DUPLICATE_IDS", "warning"),
            atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_MULTIPLE_MATCHES", "warning"));
    // an element with the same name and id is two targets for a link
    assertThat(findings(div("<a name=\"h\" id=\"h\"/><a href=\"#h\">x</a>")))
        .containsExactly(atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_MULTIPLE_MATCHES", "warning"));
  }

  @Test
  void fragmentImages() {
    assertThat(findings(div("<img src=\"#nope\"/>")))
        .containsExactly(atDiv("Type_Specific_Checks_DT_XHTML_Resolve_Img", "error"));
    // an anchor name is no target for an image
    assertThat(findings(div("<a name=\"i\">x</a><img src=\"#i\"/>")))
        .containsExactly(atDiv("Type_Specific_Checks_DT_XHTML_Resolve_Img", "error"));
    assertThat(findings(div("<p id=\"i\">x</p><img src=\"#i\"/>"))).isEmpty();
    assertThat(findings(div("<p id=\"i\">x</p><b id=\"i\">y</b><img src=\"#i\"/>")))
        .containsExactly(
            atDiv("XHTML_XHTML_DUPLICATE_IDS", "warning"),
            atDiv("TYPE_SPECIFIC_CHECKS_DT_XHTML_MULTIPLE_MATCHES", "error"));
  }

  @Test
  void localReferencesAreTheFragmentsLinkedTo() {
    String json =
        NarrativeTestSupport.task(
            div(
                "<a href=\"#p1\">x</a><img src=\"#img\"/><a href=\"#\">y</a>"
                    + "<a href=\"http://x/#z\">z</a>"),
            null);
    assertThat(NarrativeTestSupport.run(json).references()).containsExactly("p1", "img");
    assertThat(
            NarrativeTestSupport.run(NarrativeTestSupport.task(div("<p>x</p>"), null)).references())
        .isEmpty();
  }

  @Test
  void txt2WantsTextOrAnImage() {
    assertThat(findings("<div " + NS + "/>")).containsExactly(TXT2);
    assertThat(findings(div(" \n <p> </p><br/>"))).containsExactly(TXT2);
    assertThat(findings(div("<![CDATA[text]]><!-- text -->"))).containsExactly(TXT2);
    assertThat(findings(div("<img src=\"http://x/a.png\"/>"))).isEmpty();
    assertThat(findings(div("&#160;"))).isEmpty();
  }

  @Test
  void languages() {
    assertThat(findings(div("<p>x</p>"), "en"))
        .containsExactly(atTask("Language_XHTML_Lang_Missing1"));
    assertThat(findings("<div " + NS + " xml:lang=\"en\"><p>x</p></div>", "en"))
        .containsExactly(atTask("Language_XHTML_Lang_Missing2"));
    assertThat(findings("<div " + NS + " lang=\"en\"><p>x</p></div>", "en"))
        .containsExactly(atTask("Language_XHTML_Lang_Missing3"));
    assertThat(findings("<div " + NS + " lang=\"de\" xml:lang=\"de\"><p>x</p></div>", "en"))
        .containsExactly(atTask("Language_XHTML_Lang_Different1"));
    assertThat(findings("<div " + NS + " lang=\"en\" xml:lang=\"de\"><p>x</p></div>", "en"))
        .containsExactly(atTask("Language_XHTML_Lang_Different2"));
    // xml:lang may equal lang instead of the resource's language
    assertThat(findings("<div " + NS + " lang=\"de\" xml:lang=\"de\"><p>x</p></div>", "de"))
        .isEmpty();
    // a div made of language divs takes the first one's
    assertThat(
            findings(
                div(
                    "<div xml:lang=\"en\" lang=\"en\">x</div><div xml:lang=\"de\" lang=\"de\">y</div>"),
                "en"))
        .isEmpty();
    assertThat(findings(div("<p>x</p>"), null)).isEmpty();
  }

  @Test
  void notCoveredWhereTheReferenceEngineFails() {
    // HL7 throws on a resource with a language whose div has no lang and nothing in it
    assertThatThrownBy(() -> findings(div("<p/>"), "en")).isInstanceOf(NotCovered.class);
    // HL7 reads on for ever after an '&' that nothing ends
    assertThatThrownBy(() -> findings(div("a &amp b").replace("</div>", "")))
        .isInstanceOf(NotCovered.class);
    // HL7 fails on <a name> without value
    assertThatThrownBy(() -> findings(div("<a name>x</a>"))).isInstanceOf(NotCovered.class);
  }
}
