package dev.taskcheck.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A document parsed namespace-aware (failing the test when it is not well-formed) and queried with
 * XPath 1.0, the prefix {@code t} bound to the report namespace and {@code h} to XHTML, {@code s}
 * to SVG.
 */
final class XPathDoc {

  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String SVG = "http://www.w3.org/2000/svg";

  final Document dom;
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  XPathDoc(String xml) {
    dom = parse(xml);
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return switch (prefix) {
              case "t" -> XmlReportWriter.NAMESPACE;
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
            return Collections.emptyIterator();
          }
        });
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** The string value of {@code expr}. */
  String s(String expr) {
    return (String) eval(expr, XPathConstants.STRING);
  }

  /** The string value with white space normalised. */
  String text(String expr) {
    return s(expr).replaceAll("\\s+", " ").trim();
  }

  long n(String expr) {
    return Math.round((Double) eval(expr, XPathConstants.NUMBER));
  }

  boolean b(String expr) {
    return (Boolean) eval(expr, XPathConstants.BOOLEAN);
  }

  /** The text of every node {@code expr} selects. */
  List<String> list(String expr) {
    List<String> out = new ArrayList<>();
    for (Node node : nodes(expr)) {
      out.add(node.getTextContent());
    }
    return out;
  }

  List<Node> nodes(String expr) {
    NodeList nodes = (NodeList) eval(expr, XPathConstants.NODESET);
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i));
    }
    return out;
  }

  private Object eval(String expr, QName type) {
    try {
      return xpath.evaluate(expr, dom, type);
    } catch (XPathExpressionException e) {
      throw new AssertionError(expr, e);
    }
  }
}
