package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the XML parser notes besides its tree ({@link XmlFacts}), for the fast engine. */
class XmlFactsTest {

  private static XmlFacts facts(String xml) {
    ParseOutcome o = DocumentParser.parseText(xml, 1);
    assertThat(o).isInstanceOf(ParsedDocument.class);
    XmlFacts facts = ((ParsedDocument) o).xml();
    assertThat(facts).isNotNull();
    return facts;
  }

  private static ParsedDocument parsed(String xml) {
    return (ParsedDocument) DocumentParser.parseText(xml, 1);
  }

  @Test
  void aPlainTaskHasNoIrregularityAndItsAttributesAreKnown() {
    ParsedDocument d =
        parsed(
            "<Task xmlns=\"http://hl7.org/fhir\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://hl7.org/fhir task.xsd\"><!-- a comment -->"
                + "<id value=\"a\"/><extension url=\"http://x/e\"><valueString value=\"v\"/>"
                + "</extension><status id=\"s1\" value=\"draft\"/></Task>");
    XmlFacts facts = d.xml();

    assertThat(facts).isNotNull();
    assertThat(facts.irregularity()).isNull();
    Node extension = d.root().child("extension");
    Node status = d.root().child("status");
    assertThat(extension).isNotNull();
    assertThat(status).isNotNull();
    assertThat(facts.isAttribute(extension.child("url"))).isTrue();
    assertThat(facts.isAttribute(status.child("id"))).isTrue();
    assertThat(facts.isAttribute(d.root().child("id"))).isFalse();
  }

  @Test
  void aJsonDocumentHasNone() {
    ParsedDocument d = (ParsedDocument) DocumentParser.parseText("{\"resourceType\":\"Task\"}", 1);

    assertThat(d.xml()).isNull();
  }

  @Test
  void theNarrativeIsWrittenOutAgainAsXhtml() {
    ParsedDocument d =
        parsed(
            "<Task xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><p>a &lt; b &amp; c"
                + "<br/></p><!--n--></div></text></Task>");
    Node div = d.root().child("text").child("div");

    assertThat(d.xml().xhtml(div))
        .isEqualTo(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><p>a &lt; b &amp; c"
                + "<br></br></p><!--n--></div>");
    assertThat(d.xml().irregularity()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "an attribute FHIR XML does not have | <Task xmlns='http://hl7.org/fhir'><status value='draft'"
            + " colour='red'/></Task> | the attribute colour",
        "an id attribute on the resource | <Task xmlns='http://hl7.org/fhir' id='a'><status"
            + " value='draft'/></Task> | an id attribute on a resource element",
        "an element in another namespace | <Task xmlns='http://hl7.org/fhir'><x:status"
            + " xmlns:x='http://example.org/x' value='draft'/></Task> | an element in the namespace",
        "text inside a FHIR element | <Task xmlns='http://hl7.org/fhir'>draft<status"
            + " value='draft'/></Task> | text directly inside",
        "CDATA inside a FHIR element | <Task xmlns='http://hl7.org/fhir'><![CDATA[ ]]><status"
            + " value='draft'/></Task> | a CDATA section",
        "a processing instruction inside | <Task xmlns='http://hl7.org/fhir'><?pi x?><status"
            + " value='draft'/></Task> | a processing instruction inside the resource",
        "an XHTML namespace declared outside the div | <Task xmlns='http://hl7.org/fhir'"
            + " xmlns:h='http://www.w3.org/1999/xhtml'><text><status value='generated'/><h:div><h:p>x"
            + "</h:p></h:div></text></Task> | a narrative whose namespace is declared outside",
        "an encoding other than UTF-8 | <?xml version='1.0' encoding='ISO-8859-1'?><Task"
            + " xmlns='http://hl7.org/fhir'><status value='draft'/></Task> | the encoding ISO-8859-1",
      })
  void notesTheFirstXmlOnlyIrregularity(String name, String xml, String expected) {
    assertThat(facts(xml).irregularity()).as(name).contains(expected);
  }
}
