package dev.taskcheck.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Node} tree from FHIR XML with the JDK's StAX parser. A document type declaration
 * is refused before anything in it is read: no entity is ever expanded, resolved or fetched.
 */
final class XmlTreeParser {

  static final String FHIR_NS = "http://hl7.org/fhir";
  static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  private static final XMLInputFactory FACTORY = newFactory();

  private final int lineOffset;
  private final String text;
  private final int[] lineStarts;
  private final DocumentLimits limits;
  private int nodes;

  /** The first XML-only irregularity seen ({@link XmlFacts#irregularity}), or null. */
  private @Nullable String irregularity;

  /** Each XHTML element's markup, by node ({@link XmlFacts#xhtml}). */
  private final java.util.IdentityHashMap<Node, String> xhtml = new java.util.IdentityHashMap<>();

  /** The nodes made of attributes ({@link XmlFacts#attributes}). */
  private final java.util.Set<Node> attributeNodes =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private void irregular(String what) {
    if (irregularity == null) {
      irregularity = what;
    }
  }

  /** Where text stands directly inside FHIR elements; collected only when asked for. */
  private @Nullable List<StrayText> strayTexts;

  private XmlTreeParser(String text, int firstLine, DocumentLimits limits) {
    this.limits = limits;
    this.lineOffset = firstLine - 1;
    this.text = text;
    this.lineStarts = lineStarts(text);
  }

  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[n++] = i + 1;
      }
    }
    return starts;
  }

  /** Line (with the document's offset) and column of a character offset. */
  private int[] position(int offset) {
    int idx = java.util.Arrays.binarySearch(lineStarts, offset);
    int lineIndex = idx >= 0 ? idx : -idx - 2;
    return new int[] {lineIndex + 1 + lineOffset, offset - lineStarts[lineIndex] + 1};
  }

  /**
   * StAX reports an error where it noticed it, inside a tag; TaskCheck points at the start of that
   * markup (the {@code <} before the position on the same line), as it does for elements.
   */
  private int markupColumn(int line, int column) {
    if (line < 1 || line > lineStarts.length) {
      return column;
    }
    int lineStart = lineStarts[line - 1];
    int offset = Math.min(text.length(), lineStart + column - 1);
    int open = text.lastIndexOf('<', Math.max(lineStart, offset - 1));
    return open >= lineStart ? open - lineStart + 1 : column;
  }

  /** Where the search for the next start tag resumes: tags come in document order. */
  private int cursor;

  /**
   * The position of the start tag of the element the reader is on. StAX reports where an event
   * ends, and not reliably (it may have read ahead), so TaskCheck finds the tag itself: the next
   * {@code <name} after the previous start tag, skipping end tags, comments, CDATA sections and
   * processing instructions (text cannot hold a raw {@code <}).
   */
  private int[] startTag(XMLStreamReader r) {
    String prefix = r.getPrefix();
    String qname =
        prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
    int i = cursor;
    while ((i = text.indexOf('<', i)) >= 0) {
      if (text.startsWith("<!--", i)) {
        i = skipTo(i, "-->");
      } else if (text.startsWith("<![CDATA[", i)) {
        i = skipTo(i, "]]>");
      } else if (text.startsWith("<?", i)) {
        i = skipTo(i, "?>");
      } else if (text.startsWith("</", i) || text.startsWith("<!", i)) {
        i = skipTo(i, ">");
      } else if (text.startsWith(qname, i + 1)
          && i + 1 + qname.length() < text.length()
          && isNameEnd(text.charAt(i + 1 + qname.length()))) {
        cursor = i + 1;
        return position(i);
      } else {
        i++;
      }
      if (i < 0) {
        break;
      }
    }
    return reported(r.getLocation());
  }

  /** The position of the DOCTYPE declaration. */
  private int[] doctype(XMLStreamReader r) {
    int i = text.indexOf("<!DOCTYPE", cursor);
    return i >= 0 ? position(i) : reported(r.getLocation());
  }

  /** Where StAX says something is, moved back to the start of its markup (see markupColumn). */
  private int[] reported(@Nullable Location loc) {
    if (loc == null || loc.getLineNumber() < 1) {
      return new int[] {1 + lineOffset, 1};
    }
    int line = loc.getLineNumber();
    return new int[] {line + lineOffset, markupColumn(line, Math.max(1, loc.getColumnNumber()))};
  }

  private int skipTo(int from, String end) {
    int e = text.indexOf(end, from + 1);
    return e < 0 ? -1 : e + end.length();
  }

  private static boolean isNameEnd(char c) {
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are never resolved (" + systemId + ")");
        });
    return f;
  }

  static ParseOutcome parse(String text, int firstLine, DocumentLimits limits) {
    return new XmlTreeParser(text, firstLine, limits).parseDocument(firstLine);
  }

  /**
   * Where text stands directly inside a FHIR element of an XML document, in document order (empty
   * when the document does not parse): the structure engine reports such text without a usable
   * position. {@code firstLine} is the line of the source on which {@code text} starts.
   */
  static List<StrayText> strayTexts(String text, int firstLine) {
    XmlTreeParser p = new XmlTreeParser(text, firstLine, DocumentLimits.TRUSTED);
    List<StrayText> found = new ArrayList<>();
    p.strayTexts = found;
    return p.parseDocument(firstLine) instanceof ParsedDocument ? List.copyOf(found) : List.of();
  }

  /**
   * Records the text the reader is on when it stands directly inside the element at line:column.
   */
  private void noteStrayText(XMLStreamReader r, int line, int column) {
    List<StrayText> into = strayTexts;
    if (into == null || r.isWhiteSpace()) {
      return;
    }
    String content = r.getText().strip();
    String head = content.substring(0, Math.min(20, content.length()));
    int[] at = reported(r.getLocation());
    int from = cursor;
    int i;
    while (!head.isEmpty() && (i = text.indexOf(head, from)) >= 0) {
      int open = text.lastIndexOf('<', i);
      if (open < 0 || text.indexOf('>', open) < i) {
        at = position(i);
        break;
      }
      from = i + 1;
    }
    into.add(new StrayText(at[0], at[1], line, column));
  }

  /** Checks the budgets for an element starting at line:column, {@code depth} levels deep. */
  private void enter(int depth, int line, int column) {
    if (depth > limits.maxDepth()) {
      throw new LimitExceeded(
          DocumentLimits.TOO_DEEP,
          "the XML is nested more than " + limits.maxDepth() + " elements deep; it is not checked",
          line,
          column);
    }
    if (++nodes > limits.maxNodes()) {
      throw new LimitExceeded(
          DocumentLimits.TOO_MUCH_WORK,
          "the document has more than "
              + limits.maxNodes()
              + " elements (the per-document work limit); it is not checked",
          line,
          column);
    }
  }

  private ParseOutcome parseDocument(int firstLine) {
    XMLStreamReader r = null;
    try {
      synchronized (FACTORY) {
        r = FACTORY.createXMLStreamReader(new StringReader(text));
      }
      ParseFailure encoding = unknownEncoding(r.getCharacterEncodingScheme());
      if (encoding != null) {
        return encoding;
      }
      if (text.contains("<![CDATA[")) {
        // the JDK's reader reports a CDATA section as text, and one of whitespace as whitespace
        irregular("a CDATA section");
      }
      String declared = r.getCharacterEncodingScheme();
      if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
        irregular("an XML declaration naming the encoding " + declared);
      }
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD -> {
            int[] at = doctype(r);
            return new ParseFailure(
                "XML with a DOCTYPE declaration is refused: FHIR XML must not contain one, and TaskCheck never"
                    + " expands, resolves or fetches entities",
                at[0],
                at[1],
                "security");
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> {
            int[] at = reported(r.getLocation());
            return new ParseFailure(
                "XML entity reference '&"
                    + r.getLocalName()
                    + ";' is refused: entities are never expanded",
                at[0],
                at[1],
                "security");
          }
          case XMLStreamConstants.START_ELEMENT -> {
            int[] at = startTag(r);
            int startLine = at[0];
            int startColumn = at[1];
            if (!FHIR_NS.equals(r.getNamespaceURI())) {
              return new ParseFailure(
                  "this XML is not a FHIR resource: the root element <"
                      + r.getLocalName()
                      + "> is in namespace '"
                      + nullToEmpty(r.getNamespaceURI())
                      + "', not '"
                      + FHIR_NS
                      + "'",
                  startLine,
                  startColumn,
                  "structure");
            }
            String type = r.getLocalName();
            enter(1, startLine, startColumn);
            List<Node> children = readChildren(r, startLine, startColumn, 1, 0);
            resourceAttributes(children);
            Node root = new Node(type, null, type, startLine, startColumn, children);
            // the rest of the document may only hold comments, processing instructions and
            // whitespace
            while (r.hasNext()) {
              int e = r.next();
              if (e == XMLStreamConstants.START_ELEMENT
                  || (e == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace())) {
                int[] after = reported(r.getLocation());
                return new ParseFailure(
                    "unexpected content after the end of the resource: an XML document holds one resource",
                    after[0],
                    after[1],
                    "structure");
              }
            }
            return new ParsedDocument(
                Format.XML,
                root,
                text,
                firstLine,
                new XmlFacts(irregularity, xhtml, attributeNodes));
          }
          default -> {
            // prolog: declaration, comments, processing instructions, whitespace
          }
        }
      }
      return new ParseFailure(
          "the document is empty: no XML element found", firstLine, 1, "structure");
    } catch (LimitExceeded e) {
      return e.failure();
    } catch (XMLStreamException e) {
      int[] at = reported(e.getLocation());
      return new ParseFailure(
          "invalid XML: " + clean(e.getMessage()), at[0], at[1], classify(e.getMessage()));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  /**
   * An XML declaration naming an encoding Java does not know: the structure engine would fail on it
   * with a parser's I/O error (and print it on stderr). The document was read as UTF-8, as FHIR
   * requires; a known encoding other than UTF-8 is left to the structure engine, which reports it.
   */
  private @Nullable ParseFailure unknownEncoding(@Nullable String declared) {
    if (declared == null) {
      return null;
    }
    boolean known;
    try {
      known = java.nio.charset.Charset.isSupported(declared);
    } catch (java.nio.charset.IllegalCharsetNameException e) {
      known = false;
    }
    if (known) {
      return null;
    }
    int at = text.indexOf("encoding");
    int[] pos = at >= 0 && at < text.indexOf('>') ? position(at) : new int[] {1 + lineOffset, 1};
    return new ParseFailure(
        "the XML declaration names the encoding '"
            + declared
            + "', which is not a known encoding; FHIR XML is UTF-8",
        pos[0],
        pos[1],
        "structure");
  }

  /**
   * Reads the content of the current start element (which starts at line:column) up to its end
   * element.
   */
  private List<Node> readChildren(XMLStreamReader r, int line, int column, int depth, int contained)
      throws XMLStreamException {
    List<Node> children = new ArrayList<>();
    addAttributes(r, children, line, column, depth == 1);
    int elements = 0;
    String previous = "";
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          int[] at = startTag(r);
          // repeats of one element are one JSON property: a new name starts a new one
          String childName = r.getLocalName();
          if (!childName.equals(previous) && ++elements > limits.maxKeysPerObject()) {
            throw new LimitExceeded(
                DocumentLimits.TOO_MANY_KEYS,
                "this XML element has more than "
                    + limits.maxKeysPerObject()
                    + " differently named child elements (the per-element limit); the document is"
                    + " not checked",
                at[0],
                at[1]);
          }
          previous = childName;
          enter(depth + 1, at[0], at[1]);
          children.add(readElement(r, at[0], at[1], depth + 1, contained));
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return children;
        }
        case XMLStreamConstants.ENTITY_REFERENCE -> throw entityRefused(r);
        case XMLStreamConstants.DTD ->
            throw new XMLStreamException("DOCTYPE is refused", r.getLocation());
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!r.isWhiteSpace()) {
            irregular("text directly inside a FHIR element");
          }
          noteStrayText(r, line, column);
        }
        case XMLStreamConstants.PROCESSING_INSTRUCTION ->
            irregular("a processing instruction inside the resource");
        default -> {
          // comments carry no FHIR content
        }
      }
    }
    return children;
  }

  private Node readElement(XMLStreamReader r, int line, int column, int depth, int contained)
      throws XMLStreamException {
    String name = r.getLocalName();
    String ns = r.getNamespaceURI();
    if (XHTML_NS.equals(ns)) {
      String markup = readXhtml(r, depth);
      Node node = new Node(name, null, null, line, column, List.of());
      xhtml.put(node, markup);
      return node;
    }
    if (!FHIR_NS.equals(ns)) {
      irregular("an element in the namespace '" + nullToEmpty(ns) + "'");
    }
    String value = r.getAttributeValue(null, "value");
    int nested = contained;
    if ("contained".equals(name)) {
      nested = contained + 1;
      if (nested > limits.maxContainedDepth()) {
        throw new LimitExceeded(
            DocumentLimits.CONTAINED_TOO_DEEP,
            "contained resources are nested more than "
                + limits.maxContainedDepth()
                + " levels deep here; the document is not checked",
            line,
            column);
      }
    }
    List<Node> children = readChildren(r, line, column, depth, nested);
    // a resource container (entry.resource, contained, parameter.resource, ...) holds exactly one
    // resource
    // element, whose name starts with an upper-case letter
    if (children.size() == 1 && value == null && isResourceName(children.get(0))) {
      Node inner = children.get(0);
      resourceAttributes(inner.children());
      return new Node(name, null, inner.name(), line, column, inner.children());
    }
    return new Node(name, value, null, line, column, children);
  }

  private static boolean isResourceName(Node n) {
    return !n.name().isEmpty() && Character.isUpperCase(n.name().charAt(0)) && n.value() == null;
  }

  /**
   * An element's {@code url} and {@code id} attributes are its children in JSON: they get its
   * position. Any other attribute but {@code value} (and {@code xsi:schemaLocation} on the root) is
   * an irregularity.
   */
  private void addAttributes(
      XMLStreamReader r, List<Node> into, int line, int column, boolean root) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String attr = r.getAttributeLocalName(i);
      String attrNs = r.getAttributeNamespace(i);
      boolean plain = attrNs == null || attrNs.isEmpty();
      if (plain && ("url".equals(attr) || "id".equals(attr))) {
        Node node = new Node(attr, r.getAttributeValue(i), null, line, column, List.of());
        attributeNodes.add(node);
        into.add(node);
      } else if (!(plain && "value".equals(attr))
          && !(root && XSI_NS.equals(attrNs) && "schemaLocation".equals(attr))) {
        irregular("the attribute " + attr + ", which FHIR XML does not have there");
      }
    }
  }

  /** A resource element with an {@code id} attribute (its id is an element). */
  private void resourceAttributes(List<Node> children) {
    for (Node c : children) {
      if (attributeNodes.contains(c) && c.name().equals("id")) {
        irregular("an id attribute on a resource element");
      }
    }
  }

  /**
   * Reads the XHTML element the reader is on, {@code depth} levels deep, and writes its markup out
   * again: tags with their namespace declarations and attributes, text, comments. Processing
   * instructions are irregularities (CDATA too, noted for the whole document).
   */
  private String readXhtml(XMLStreamReader r, int depth) throws XMLStreamException {
    StringBuilder b = new StringBuilder(256);
    java.util.Set<String> declared = new java.util.HashSet<>();
    declared.add("xml");
    xhtmlStartTag(r, b);
    ownNamespaces(r, declared);
    int level = 1;
    while (level > 0 && r.hasNext()) {
      int e = r.next();
      switch (e) {
        case XMLStreamConstants.START_ELEMENT -> {
          int[] at = startTag(r);
          level++;
          enter(depth + level - 1, at[0], at[1]);
          xhtmlStartTag(r, b);
          ownNamespaces(r, declared);
        }
        case XMLStreamConstants.END_ELEMENT -> {
          level--;
          b.append("</").append(qualified(r.getPrefix(), r.getLocalName())).append('>');
        }
        // a CDATA section is an irregularity of the whole document (parseDocument)
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
            escape(r.getText(), b);
        case XMLStreamConstants.COMMENT -> b.append("<!--").append(r.getText()).append("-->");
        case XMLStreamConstants.PROCESSING_INSTRUCTION ->
            irregular("a processing instruction in a narrative");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw entityRefused(r);
        default -> {
          // nothing else occurs inside an element
        }
      }
    }
    return b.toString();
  }

  /**
   * Adds the prefixes the start tag declares to {@code declared}, and notes an irregularity when
   * the element or one of its attributes uses a prefix (or, for the element, the default namespace)
   * that is declared only outside the XHTML: the markup written out would then lose its namespace.
   */
  private void ownNamespaces(XMLStreamReader r, java.util.Set<String> declared) {
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      declared.add(nullToEmpty(r.getNamespacePrefix(i)));
    }
    boolean outside = !declared.contains(nullToEmpty(r.getPrefix()));
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String prefix = nullToEmpty(r.getAttributePrefix(i));
      outside |= !prefix.isEmpty() && !declared.contains(prefix);
    }
    if (outside) {
      irregular("a narrative whose namespace is declared outside its XHTML");
    }
  }

  private static XMLStreamException entityRefused(XMLStreamReader r) {
    return new XMLStreamException(
        "entity reference '&" + r.getLocalName() + ";' is refused: entities are never expanded",
        r.getLocation());
  }

  private static void xhtmlStartTag(XMLStreamReader r, StringBuilder b) {
    b.append('<').append(qualified(r.getPrefix(), r.getLocalName()));
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      String prefix = r.getNamespacePrefix(i);
      b.append(" xmlns");
      if (prefix != null && !prefix.isEmpty()) {
        b.append(':').append(prefix);
      }
      b.append("=\"");
      escape(nullToEmpty(r.getNamespaceURI(i)), b);
      b.append('"');
    }
    for (int i = 0; i < r.getAttributeCount(); i++) {
      b.append(' ')
          .append(qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)))
          .append("=\"");
      escape(r.getAttributeValue(i), b);
      b.append('"');
    }
    b.append('>');
  }

  private static String qualified(@Nullable String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  /** Text or an attribute value, escaped for XML ({@code & < > "}). */
  private static void escape(String text, StringBuilder b) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String classify(@Nullable String message) {
    String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("entity") || m.contains("doctype") || m.contains("dtd")
        ? "security"
        : "structure";
  }

  private static String clean(@Nullable String message) {
    if (message == null) {
      return "unreadable XML";
    }
    String m = message;
    int idx = m.indexOf("Message: ");
    if (idx >= 0) {
      m = m.substring(idx + "Message: ".length());
    }
    return m.replace('\n', ' ').replace('\r', ' ').strip();
  }
}
