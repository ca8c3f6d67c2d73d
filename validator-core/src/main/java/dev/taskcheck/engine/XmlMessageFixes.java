package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.NodePath;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.parse.StrayText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends two XML messages of the structure engine (HL7 core 6.7.9) that misplace or misquote: text
 * standing directly inside an element ({@code Text_should_not_be_present}) is placed at the last
 * element before it rather than where it is, and an XML declaration's encoding other than UTF-8
 * ({@code XML_ENCODING_INVALID}) is quoted cut to five characters ("ISO-8") and placed at the
 * expression {@code XML}; it is placed on the resource, quoted whole.
 */
final class XmlMessageFixes {

  static final String STRAY_TEXT = "Text_should_not_be_present";
  static final String ENCODING = "XML_ENCODING_INVALID";

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']{1,100})[\"']");

  private XmlMessageFixes() {}

  /** The issues with those two kinds mended; the others as they are. */
  static List<Issue> apply(List<Issue> issues, ParsedDocument document) {
    List<StrayText> stray = null;
    int nextStray = 0;
    List<Issue> out = new ArrayList<>(issues.size());
    for (Issue i : issues) {
      Issue mended = i;
      if (STRAY_TEXT.equals(i.messageId())) {
        if (stray == null) {
          stray = DocumentParser.strayXmlTexts(document.text(), document.firstLine());
        }
        if (nextStray < stray.size()) {
          StrayText t = stray.get(nextStray++);
          String holder = elementAt(document, t.elementLine(), t.elementColumn());
          mended = i.withLocation(holder, t.line(), t.column());
        }
      } else if (ENCODING.equalsIgnoreCase(i.messageId())) {
        Matcher m = DECLARED_ENCODING.matcher(document.text());
        if (m.find()) {
          mended =
              new Issue(
                  i.ruleId(),
                  i.severity(),
                  i.type(),
                  document.root().name(),
                  document.root().line(),
                  document.root().column(),
                  "the XML declaration names the encoding '"
                      + m.group(1)
                      + "'; FHIR XML must be UTF-8",
                  i.source(),
                  i.messageId());
        }
      }
      out.add(mended);
    }
    return out;
  }

  /**
   * The path of the element whose start tag is at line:column. Its attributes share its position,
   * so the last node there may be one of them: step up while the parent starts at the same place.
   */
  private static String elementAt(ParsedDocument document, int line, int column) {
    String path = NodePath.pathAt(document.root(), line, column);
    int dot;
    while ((dot = path.lastIndexOf('.')) > 0) {
      String parent = path.substring(0, dot);
      int[] at = NodePath.position(document.root(), parent);
      if (at[0] != line || at[1] != column) {
        break;
      }
      path = parent;
    }
    return path;
  }
}
