package dev.taskcheck.engine.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of a narrative's XHTML as {@link XhtmlReader} reads it: an element (local name,
 * attributes in the order written, children), a text, a comment or a CDATA section. Attributes are
 * kept as the reference engine keeps them: an attribute written twice keeps its last value, an
 * attribute written without {@code =value} has a null value, and the namespace declarations are
 * replaced by the one {@code xmlns} the element ends up declaring (see {@link #namespace()}).
 */
final class XhtmlNode {

  /** What a node is. */
  enum Kind {
    ELEMENT,
    TEXT,
    COMMENT,
    CDATA
  }

  private static final String[] NO_NAMES = new String[0];

  private final Kind kind;
  private final String name;
  private final String content;
  private final @Nullable XhtmlNode parent;
  private String[] attributeNames = NO_NAMES;
  private @Nullable String[] attributeValues = NO_NAMES;
  private int attributeCount;
  private @Nullable List<XhtmlNode> children;

  private XhtmlNode(Kind kind, String name, String content, @Nullable XhtmlNode parent) {
    this.kind = kind;
    this.name = name;
    this.content = content;
    this.parent = parent;
  }

  /** The root element. */
  static XhtmlNode root(String name) {
    return new XhtmlNode(Kind.ELEMENT, name, "", null);
  }

  /** Adds a child element and returns it. */
  XhtmlNode addElement(String childName) {
    XhtmlNode child = new XhtmlNode(Kind.ELEMENT, childName, "", this);
    add(child);
    return child;
  }

  /** Adds a text, comment or CDATA child. */
  void addContent(Kind childKind, String text) {
    add(new XhtmlNode(childKind, "", text, this));
  }

  private void add(XhtmlNode child) {
    if (children == null) {
      children = new ArrayList<>(4);
    }
    children.add(child);
  }

  Kind kind() {
    return kind;
  }

  boolean isElement() {
    return kind == Kind.ELEMENT;
  }

  boolean isElement(String elementName) {
    return kind == Kind.ELEMENT && name.equals(elementName);
  }

  /**
   * The local name of an element (without prefix; the root's in lower case); empty for other nodes.
   */
  String name() {
    return name;
  }

  /** The text of a text, comment or CDATA node; empty for an element. */
  String content() {
    return content;
  }

  /** The element this node is in; null for the root. */
  @Nullable XhtmlNode parent() {
    return parent;
  }

  List<XhtmlNode> children() {
    return children == null ? List.of() : children;
  }

  boolean hasChildren() {
    return children != null;
  }

  /** Sets an attribute; an attribute already there keeps its place and takes the new value. */
  void setAttribute(String attributeName, @Nullable String value) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i].equals(attributeName)) {
        attributeValues[i] = value;
        return;
      }
    }
    if (attributeCount == attributeNames.length) {
      int size = Math.max(4, attributeCount * 2);
      attributeNames = Arrays.copyOf(attributeNames, size);
      attributeValues = Arrays.copyOf(attributeValues, size);
    }
    attributeNames[attributeCount] = attributeName;
    attributeValues[attributeCount] = value;
    attributeCount++;
  }

  /** Removes an attribute if it is there. */
  void removeAttribute(String attributeName) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i].equals(attributeName)) {
        System.arraycopy(attributeNames, i + 1, attributeNames, i, attributeCount - i - 1);
        System.arraycopy(attributeValues, i + 1, attributeValues, i, attributeCount - i - 1);
        attributeCount--;
        return;
      }
    }
  }

  int attributeCount() {
    return attributeCount;
  }

  String attributeName(int i) {
    return attributeNames[i];
  }

  @Nullable String attributeValue(int i) {
    return attributeValues[i];
  }

  /** Whether the attribute is written, with or without a value. */
  boolean hasAttribute(String attributeName) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i].equals(attributeName)) {
        return true;
      }
    }
    return false;
  }

  /** The attribute's value; null when it is absent or written without a value. */
  @Nullable String attribute(String attributeName) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i].equals(attributeName)) {
        return attributeValues[i];
      }
    }
    return null;
  }

  /**
   * The namespace this element declares after the reference engine's normalisation: the root's
   * default namespace, or, below the root, a default namespace that differs from its parent's (null
   * when it inherits it).
   */
  @Nullable String namespace() {
    return attribute("xmlns");
  }

  /**
   * Whether this node has text other than whitespace in it (the reference engine's "has content").
   */
  boolean hasContent() {
    if (kind == Kind.TEXT) {
      return !content.trim().isEmpty();
    }
    if (kind == Kind.ELEMENT && children != null) {
      for (XhtmlNode c : children) {
        if (c.hasContent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The node's text as the reference engine renders it in its messages: texts, an image's {@code
   * alt} (or {@code [image]}), list items prefixed with {@code "* "}, a line break after block
   * elements and a space after cells and spans.
   */
  String allText() {
    if (children == null) {
      return content;
    }
    StringBuilder b = new StringBuilder();
    for (XhtmlNode n : children) {
      if (n.kind == Kind.TEXT) {
        b.append(n.content);
      } else if (n.kind == Kind.ELEMENT) {
        appendElementText(b, n);
      }
    }
    return b.toString();
  }

  private static void appendElementText(StringBuilder b, XhtmlNode n) {
    if (n.name.equals("li")) {
      b.append("* ");
    }
    if (!n.name.equals("img")) {
      b.append(n.allText());
    } else if (n.hasAttribute("alt")) {
      b.append(n.attribute("alt"));
    } else {
      b.append("[image]");
    }
    switch (n.name) {
      case "p", "div", "tr", "th", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6" ->
          b.append("\r\n");
      case "td", "span" -> b.append(' ');
      default -> {}
    }
  }
}
