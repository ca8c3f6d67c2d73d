package dev.taskcheck.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of a parsed FHIR document, with the 1-based line and column where it starts in the
 * source.
 *
 * <p>The tree is the same for JSON and XML: a repeating element appears as several children with
 * the same name (a JSON array becomes one child per item), a primitive carries its value as text (a
 * JSON string, number or boolean as written; an XML {@code value} attribute), and a node that holds
 * a resource (the document root, {@code Bundle.entry.resource}, {@code contained}) carries its
 * resource type. JSON primitive extensions ({@code _status}) keep their underscore name. Positions:
 * JSON members start at their property name, array items at the item; XML elements at their start
 * tag.
 */
public final class Node {

  private final String name;
  private final @Nullable String value;
  private final @Nullable String resourceType;
  private final int line;
  private final int column;
  private final int memberLine;
  private final int memberColumn;
  private final List<Node> children;

  Node(
      String name,
      @Nullable String value,
      @Nullable String resourceType,
      int line,
      int column,
      List<Node> children) {
    this(name, value, resourceType, line, column, line, column, children);
  }

  Node(
      String name,
      @Nullable String value,
      @Nullable String resourceType,
      int line,
      int column,
      int memberLine,
      int memberColumn,
      List<Node> children) {
    this.name = name;
    this.value = value;
    this.resourceType = resourceType;
    this.line = line;
    this.column = column;
    this.memberLine = memberLine;
    this.memberColumn = memberColumn;
    this.children =
        children.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
  }

  /**
   * The element name ({@code status}, {@code entry}, {@code resource}; the resource type for the
   * root).
   */
  public String name() {
    return name;
  }

  /** The primitive value as written, or null for a complex element. */
  public @Nullable String value() {
    return value;
  }

  /** The resource type when this node holds a resource, otherwise null. */
  public @Nullable String resourceType() {
    return resourceType;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /**
   * Where the element as a whole starts: for an item of a JSON array, its property name (the
   * position of {@code "input": [}); otherwise the same as {@link #line()}.
   */
  public int memberLine() {
    return memberLine;
  }

  public int memberColumn() {
    return memberColumn;
  }

  public List<Node> children() {
    return children;
  }

  /** All children with this name, in document order. */
  public List<Node> children(String childName) {
    List<Node> out = new ArrayList<>();
    for (Node c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first child with this name, or null. */
  public @Nullable Node child(String childName) {
    for (Node c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** The value of the first child with this name, or null. */
  public @Nullable String childValue(String childName) {
    Node c = child(childName);
    return c == null ? null : c.value;
  }

  @Override
  public String toString() {
    return name
        + (resourceType != null ? "(" + resourceType + ")" : "")
        + (value != null ? "=" + value : "")
        + "@"
        + line
        + ":"
        + column;
  }
}
