package dev.taskcheck.testdata;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Shared helpers for the README and XML checks. */
final class Documents {

  private static final Pattern BACKTICKED_FILE =
      Pattern.compile("`([A-Za-z0-9._-]+\\.(?:json|xml|ndjson|bin))`");

  private Documents() {}

  /** File names (no folder) written in backticks in a README. */
  static Set<String> backtickedFileNames(String markdown) {
    Set<String> names = new TreeSet<>();
    Matcher m = BACKTICKED_FILE.matcher(markdown);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Parses XML with a parser that refuses any DOCTYPE, so no entity is ever resolved and nothing is
   * fetched. Throws on malformed XML.
   */
  static Document parseXml(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) throws SAXParseException {
            throw e;
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }
        });
    return b.parse(new ByteArrayInputStream(xml));
  }
}
