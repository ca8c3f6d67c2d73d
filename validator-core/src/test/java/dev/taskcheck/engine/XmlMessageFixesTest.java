package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure engine's messages about stray text in an XML element and about a declared encoding
 * other than UTF-8 are placed where the text is and quote the whole encoding (issue 14 #15).
 */
class XmlMessageFixesTest {

  private static final TaskCheck REFERENCE = TaskCheck.builder().engine("reference").build();

  private static List<Issue> issues(String xml, String messageId) {
    List<Result> results = REFERENCE.validateText(xml, "t.xml");
    assertThat(results).hasSize(1);
    return results.get(0).issues().stream()
        .filter(i -> messageId.equalsIgnoreCase(i.messageId()))
        .toList();
  }

  @Test
  void strayTextIsReportedWhereItStandsOnTheElementHoldingIt() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Task xmlns="http://hl7.org/fhir">
          <text>
            <status value="generated"/>
            <div xmlns="http://www.w3.org/1999/xhtml">
            <p>x</p></div>
          </text>
          stray text here
          <status value="draft"/>
          <intent value="order"><extension url="http://example.org/x">more</extension></intent>
        </Task>
        """;
    List<Issue> stray = issues(xml, XmlMessageFixes.STRAY_TEXT);
    assertThat(stray)
        .extracting(Issue::ruleId, Issue::expression, Issue::line, Issue::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("structure-type", "Task", 8, 3),
            org.assertj.core.groups.Tuple.tuple(
                "structure-type", "Task.intent.extension[0]", 10, 63));
  }

  @Test
  void aDeclaredEncodingIsQuotedWhole() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
            + "<Task xmlns=\"http://hl7.org/fhir\"><status value=\"draft\"/>"
            + "<intent value=\"order\"/></Task>\n";
    List<Issue> encoding = issues(xml, XmlMessageFixes.ENCODING);
    assertThat(encoding).hasSize(1);
    assertThat(encoding)
        .extracting(Issue::ruleId, Issue::expression, Issue::line, Issue::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("structure-type", "Task", 2, 1));
    assertThat(encoding.get(0).message()).contains("'ISO-8859-1'");
  }
}
