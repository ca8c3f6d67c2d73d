package dev.taskcheck.parse;

import java.util.ArrayList;
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

  /** What a node was in the source: a JSON value's kind, or an XML element. */
  public enum Kind {
    /** A JSON object. */
    OBJECT,
    /** A JSON array inside an array (not FHIR; its content is not read). */
    ARRAY,
    /** A JSON string. */
    STRING,
    /** A JSON number (its text as written is the value). */
    NUMBER,
    /** A JSON {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON {@code null}. */
    NULL,
    /** An XML element (or one of its {@code id}/{@code url} attributes). */
    XML
  }

  /**
   * What the JSON parser noticed about an object besides its members: properties whose value was an
   * empty array {@code []} (they have no child node), property names that occurred more than once
   * (the first occurrence comes first among the children), and a {@code resourceType} that was not
   * a string.
   */
  public record Notes(
      List<String> emptyArrays, List<String> duplicateKeys, boolean resourceTypeNotString) {

    static final Notes NONE = new Notes(List.of(), List.of(), false);

    public Notes {
      emptyArrays = List.copyOf(emptyArrays);
      duplicateKeys = List.copyOf(duplicateKeys);
    }

    /** Whether the parser noticed nothing. */
    public boolean isEmpty() {
      return emptyArrays.isEmpty() && duplicateKeys.isEmpty() && !resourceTypeNotString;
    }
  }

  private final String name;
  private final @Nullable String value;
  private final @Nullable String resourceType;
  private final int line;
  private final int column;
  private final int memberLine;
  private final int memberColumn;
  private final List<Node> children;

  /** {@link #kind}'s ordinal (a byte keeps a node at 56 bytes with {@link #contentHash}). */
  private final byte kind;

  private final boolean inArray;
  private final Notes notes;

  /** {@link #contentHash()} once it has been asked for, 0 before. */
  private int contentHash;

  private static final Kind[] KINDS = Kind.values();

  /**
   * What {@link #contentHash()} gives when the parser noticed something about this node or one
   * below it ({@link #notes()}), which its content does not show.
   */
  public static final int NOTED = 1;

  /** An XML node. */
  Node(
      String name,
      @Nullable String value,
      @Nullable String resourceType,
      int line,
      int column,
      List<Node> children) {
    this(
        name,
        value,
        resourceType,
        line,
        column,
        line,
        column,
        children,
        Kind.XML,
        false,
        Notes.NONE);
  }

  Node(
      String name,
      @Nullable String value,
      @Nullable String resourceType,
      int line,
      int column,
      int memberLine,
      int memberColumn,
      List<Node> children,
      Kind kind,
      boolean inArray,
      Notes notes) {
    this.kind = ordinal(kind);
    this.inArray = inArray;
    this.notes = notes.isEmpty() ? Notes.NONE : notes;
    this.name = name;
    this.value = value;
    this.resourceType = resourceType;
    this.line = line;
    this.column = column;
    this.memberLine = memberLine;
    this.memberColumn = memberColumn;
    this.children = NodeList.of(children);
  }

  @SuppressWarnings("EnumOrdinal") // KINDS maps it back; never stored outside this class
  private static byte ordinal(Kind kind) {
    return (byte) kind.ordinal();
  }

  /**
   * A node as the JSON parser makes it, for an engine that reshapes an XML tree into the form
   * FHIR's JSON would give it (the fast engine): {@code kind} is a JSON kind, an array item has
   * {@code inArray}, and both positions are the one given.
   */
  public static Node jsonShaped(
      String name,
      @Nullable String value,
      @Nullable String resourceType,
      int line,
      int column,
      List<Node> children,
      Kind kind,
      boolean inArray) {
    if (kind == Kind.XML || kind == Kind.ARRAY) {
      throw new IllegalArgumentException("not a JSON kind a reshaped node can have: " + kind);
    }
    return new Node(
        name, value, resourceType, line, column, line, column, children, kind, inArray, Notes.NONE);
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

  /** What the node was in the source (a JSON value's kind, or {@link Kind#XML}). */
  public Kind kind() {
    return KINDS[kind];
  }

  /** True for an item of a JSON array ({@code "input": [ {...} ]}). */
  public boolean inArray() {
    return inArray;
  }

  /**
   * What the JSON parser noticed about this object (empty arrays, repeated keys); nothing for XML.
   */
  public Notes notes() {
    return notes;
  }

  /**
   * A hash of the node's content: its name, kind, array membership, value, resource type and its
   * children's content, in order (not its position); {@link #NOTED} when the parser noticed
   * something about it or a node below it. Computed once per node, when first asked for: a node's
   * is made from its children's, so asking for a value and then for the values inside it reads each
   * node once.
   */
  public int contentHash() {
    int h = contentHash;
    if (h == 0) {
      h = hashContent();
      contentHash = h;
    }
    return h;
  }

  @SuppressWarnings("ReferenceEquality") // the constructor keeps every empty Notes as NONE
  private int hashContent() {
    if (notes != Notes.NONE) {
      return NOTED;
    }
    int h = name.hashCode();
    h = 31 * h + kind;
    h = 31 * h + (inArray ? 1 : 0);
    if (value != null) {
      h = 31 * h + value.hashCode();
    }
    if (resourceType != null) {
      h = 31 * h + resourceType.hashCode();
    }
    h = 31 * h + children.size();
    for (int i = 0; i < children.size(); i++) {
      int c = children.get(i).contentHash();
      if (c == NOTED) {
        return NOTED;
      }
      h = 31 * h + c;
    }
    // 0 means not yet known, NOTED is taken
    return h == 0 || h == NOTED ? 2 : h;
  }

  /** All children with this name, in document order. */
  public List<Node> children(String childName) {
    List<Node> out = null;
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      if (c.name.equals(childName)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(c);
      }
    }
    return out == null ? List.of() : out;
  }

  /** The first child with this name, or null. */
  public @Nullable Node child(String childName) {
    // by index: called for every element checked, it allocates no iterator
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
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
