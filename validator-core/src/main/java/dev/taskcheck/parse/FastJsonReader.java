package dev.taskcheck.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link JsonTreeParser}: reads an ordinary FHIR JSON document straight from its
 * text and builds the same {@link Node} tree as the Jackson path, node for node (names, values,
 * kinds, positions as Jackson reports them, notes, interned property names).
 *
 * <p>It never reports an error: on anything it does not handle exactly as the Jackson path (a
 * syntax error, a comment or other non-standard JSON, an escape in a property name, a backslash-u
 * escape that gives a surrogate, a number outside JSON's grammar or over {@link
 * JsonTreeParser#MAX_NUMBER_LENGTH}, an array inside an array, a {@code resourceType} that is not a
 * string or repeats, a root without one, any {@link DocumentLimits} budget reached) it gives up and
 * returns null, and the Jackson path reads the whole document, with its messages and positions.
 */
final class FastJsonReader {

  /**
   * Giving up: thrown from anywhere in the reader, caught in {@link #read}; without a stack trace,
   * it costs one small allocation.
   */
  private static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bail() {
      super("not read by the fast path", null, false, false);
    }
  }

  /**
   * Interned property names by a hash of their characters (direct-mapped, bounded): a name seen
   * before costs no String. Shared by all threads; a slot holds an immutable String, so a racy read
   * sees either null, an older name or a newer one, each checked against the text before use.
   */
  private static final @Nullable String[] NAMES = new String[4096];

  private static final int NAMES_MASK = NAMES.length - 1;

  private final String s;

  /** The text length; {@link #ch} answers 0 (never valid anywhere in JSON) at and after it. */
  private final int n;

  private final int maxDepth;
  private final int maxKeys;
  private final int maxContained;
  private final int maxNodes;

  private int pos;

  /** The line of {@link #pos}, already shifted by the document's first line. */
  private int line;

  /** The index where the current line starts. */
  private int lineStart;

  private int nodes;

  /** Children of the objects being read, innermost last. */
  private Node[] stack = new Node[64];

  private int top;

  /** Member names of the objects being read, innermost last (for repeated keys). */
  private String[] names = new String[32];

  private int namesTop;

  /** What {@link #readObject} found besides the children. */
  private @Nullable String objectResourceType;

  private Node.Notes objectNotes = Node.Notes.NONE;

  private FastJsonReader(String text, int firstLine, DocumentLimits limits) {
    this.s = text;
    this.n = text.length();
    this.line = firstLine;
    this.maxDepth = limits.maxDepth();
    this.maxKeys = limits.maxKeysPerObject();
    this.maxContained = limits.maxContainedDepth();
    this.maxNodes = limits.maxNodes();
  }

  /** The document's root node as the Jackson path would build it, or null to use that path. */
  static @Nullable Node read(String text, int firstLine, DocumentLimits limits) {
    if (text.length() > JsonTreeParser.MAX_STRING_LENGTH) {
      return null;
    }
    try {
      return new FastJsonReader(text, firstLine, limits).document();
    } catch (Bail b) {
      return null;
    }
  }

  private char ch(int i) {
    return i < n ? s.charAt(i) : 0;
  }

  private Node document() {
    skipWhitespace();
    if (ch(pos) != '{') {
      throw new Bail();
    }
    int rootLine = line;
    int rootColumn = column();
    pos++;
    NodeList children = readObject(1, 0);
    String resourceType = objectResourceType;
    Node.Notes notes = objectNotes;
    skipWhitespace();
    if (pos != n || resourceType == null) {
      throw new Bail();
    }
    return new Node(
        resourceType,
        null,
        resourceType,
        rootLine,
        rootColumn,
        rootLine,
        rootColumn,
        children,
        Node.Kind.OBJECT,
        false,
        notes);
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private void skipWhitespace() {
    for (; ; ) {
      char c = ch(pos);
      if (c > ' ') {
        return;
      }
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == '\r') {
        pos++;
        if (ch(pos) == '\n') {
          pos++;
        }
        line++;
        lineStart = pos;
      } else {
        return;
      }
    }
  }

  /** Whether two interned names are the same name. */
  @SuppressWarnings("ReferenceEquality") // every name the reader gives is interned
  private static boolean same(String a, String b) {
    return a == b;
  }

  private void push(Node node) {
    if (top == stack.length) {
      stack = java.util.Arrays.copyOf(stack, top * 2);
    }
    stack[top++] = node;
  }

  /**
   * Reads the members of an object whose '{' is just behind {@link #pos}, at {@code depth} (the
   * root is 1); returns its children and leaves its resource type and notes in {@link
   * #objectResourceType} and {@link #objectNotes}.
   */
  private NodeList readObject(int depth, int contained) {
    if (depth > maxDepth) {
      throw new Bail();
    }
    int base = top;
    int nameBase = namesTop;
    @Nullable Set<String> nameSet = null;
    @Nullable String resourceType = null;
    @Nullable List<String> emptyArrays = null;
    @Nullable List<String> duplicateKeys = null;
    int keys = 0;
    skipWhitespace();
    char c = ch(pos);
    if (c == '}') {
      pos++;
    } else {
      for (; ; ) {
        if (c != '"') {
          throw new Bail();
        }
        int memberLine = line;
        int memberColumn = column();
        String name = readName();
        if (++keys > maxKeys) {
          throw new Bail();
        }
        skipWhitespace();
        if (ch(pos) != ':') {
          throw new Bail();
        }
        pos++;
        skipWhitespace();
        // the member's name, as ObjectContent.member records it (names are interned)
        boolean repeated = false;
        if (nameSet != null) {
          repeated = !nameSet.add(name);
        } else {
          for (int i = nameBase; i < namesTop; i++) {
            if (same(names[i], name)) {
              repeated = true;
              break;
            }
          }
          if (!repeated) {
            if (namesTop == names.length) {
              names = java.util.Arrays.copyOf(names, namesTop * 2);
            }
            names[namesTop++] = name;
            if (namesTop - nameBase > 16) {
              nameSet = new HashSet<>();
              for (int i = nameBase; i < namesTop; i++) {
                nameSet.add(names[i]);
              }
            }
          }
        }
        if (repeated) {
          if (duplicateKeys == null) {
            duplicateKeys = new ArrayList<>();
          }
          if (!duplicateKeys.contains(name)) {
            duplicateKeys.add(name);
          }
        }
        if (name.equals("resourceType")) {
          if (repeated || ch(pos) != '"') {
            throw new Bail();
          }
          resourceType = readString();
        } else {
          int inner = name.equals("contained") ? contained + 1 : contained;
          if (ch(pos) == '[') {
            if (depth + 1 > maxDepth) {
              throw new Bail();
            }
            pos++;
            skipWhitespace();
            if (ch(pos) == ']') {
              pos++;
              if (emptyArrays == null) {
                emptyArrays = new ArrayList<>();
              }
              emptyArrays.add(name);
            } else {
              for (; ; ) {
                push(
                    readValue(
                        name, line, column(), memberLine, memberColumn, true, depth + 1, inner));
                skipWhitespace();
                c = ch(pos);
                if (c == ',') {
                  pos++;
                  skipWhitespace();
                } else if (c == ']') {
                  pos++;
                  break;
                } else {
                  throw new Bail();
                }
              }
            }
          } else {
            push(
                readValue(
                    name, memberLine, memberColumn, memberLine, memberColumn, false, depth, inner));
          }
        }
        skipWhitespace();
        c = ch(pos);
        if (c == ',') {
          pos++;
          skipWhitespace();
          c = ch(pos);
        } else if (c == '}') {
          pos++;
          break;
        } else {
          throw new Bail();
        }
      }
    }
    NodeList children = NodeList.copyOf(stack, base, top);
    top = base;
    namesTop = nameBase;
    objectResourceType = resourceType;
    objectNotes =
        emptyArrays == null && duplicateKeys == null
            ? Node.Notes.NONE
            : new Node.Notes(
                emptyArrays == null ? List.of() : emptyArrays,
                duplicateKeys == null ? List.of() : duplicateKeys,
                false);
    return children;
  }

  /**
   * Reads the value at {@link #pos}: at line {@code l}, column {@code c} as the node's position,
   * {@code ml}, {@code mc} where its property starts.
   */
  private Node readValue(
      String name, int l, int c, int ml, int mc, boolean inArray, int depth, int contained) {
    if (++nodes > maxNodes) {
      throw new Bail();
    }
    char first = ch(pos);
    Node.Kind kind;
    @Nullable String text;
    switch (first) {
      case '{' -> {
        if (contained > maxContained) {
          throw new Bail();
        }
        pos++;
        NodeList children = readObject(depth + 1, contained);
        return new Node(
            name,
            null,
            objectResourceType,
            l,
            c,
            ml,
            mc,
            children,
            Node.Kind.OBJECT,
            inArray,
            objectNotes);
      }
      case '"' -> {
        kind = Node.Kind.STRING;
        text = readString();
      }
      case 't' -> {
        literal("true");
        kind = Node.Kind.BOOLEAN;
        text = "true";
      }
      case 'f' -> {
        literal("false");
        kind = Node.Kind.BOOLEAN;
        text = "false";
      }
      case 'n' -> {
        literal("null");
        kind = Node.Kind.NULL;
        text = null;
      }
      default -> {
        kind = Node.Kind.NUMBER;
        text = readNumber();
      }
    }
    return new Node(name, text, null, l, c, ml, mc, NodeList.EMPTY, kind, inArray, Node.Notes.NONE);
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw new Bail();
    }
    pos += word.length();
  }

  /** A number in JSON's grammar, as written; {@link #pos} is at its first character. */
  private String readNumber() {
    int start = pos;
    char c = ch(pos);
    if (c == '-') {
      c = ch(++pos);
    }
    if (c == '0') {
      c = ch(++pos);
    } else if (c >= '1' && c <= '9') {
      do {
        c = ch(++pos);
      } while (c >= '0' && c <= '9');
    } else {
      throw new Bail();
    }
    if (c == '.') {
      c = ch(++pos);
      if (c < '0' || c > '9') {
        throw new Bail();
      }
      do {
        c = ch(++pos);
      } while (c >= '0' && c <= '9');
    }
    if (c == 'e' || c == 'E') {
      c = ch(++pos);
      if (c == '+' || c == '-') {
        c = ch(++pos);
      }
      if (c < '0' || c > '9') {
        throw new Bail();
      }
      do {
        c = ch(++pos);
      } while (c >= '0' && c <= '9');
    }
    if (pos - start > JsonTreeParser.MAX_NUMBER_LENGTH) {
      throw new Bail();
    }
    return s.substring(start, pos);
  }

  /** A property name, interned; {@link #pos} is at its opening quote. */
  private String readName() {
    int start = ++pos;
    int h = 0;
    for (; ; ) {
      char c = ch(pos);
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < ' ') {
        throw new Bail();
      }
      h = 31 * h + c;
      pos++;
    }
    int length = pos - start;
    pos++;
    if (length > JsonTreeParser.MAX_NAME_LENGTH) {
      throw new Bail();
    }
    int slot = (h ^ (h >>> 12)) & NAMES_MASK;
    String known = NAMES[slot];
    if (known != null && known.length() == length && s.regionMatches(start, known, 0, length)) {
      return known;
    }
    String name = s.substring(start, pos - 1).intern();
    NAMES[slot] = name;
    return name;
  }

  /** A string value, unescaped; {@link #pos} is at its opening quote. */
  private String readString() {
    int start = ++pos;
    for (; ; ) {
      char c = ch(pos);
      if (c == '"') {
        return s.substring(start, pos++);
      }
      if (c == '\\') {
        return readEscapedString(start);
      }
      if (c < ' ') {
        throw new Bail();
      }
      pos++;
    }
  }

  /** The rest of a string value from its first backslash at {@link #pos}. */
  private String readEscapedString(int start) {
    StringBuilder b = new StringBuilder(pos - start + 16);
    b.append(s, start, pos);
    for (; ; ) {
      char c = ch(pos);
      if (c == '"') {
        pos++;
        return b.toString();
      }
      if (c < ' ') {
        throw new Bail();
      }
      if (c != '\\') {
        b.append(c);
        pos++;
        continue;
      }
      char e = ch(pos + 1);
      pos += 2;
      switch (e) {
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '/' -> b.append('/');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          int v = 0;
          for (int i = 0; i < 4; i++) {
            char x = ch(pos + i);
            int d;
            if (x >= '0' && x <= '9') {
              d = x - '0';
            } else if (x >= 'a' && x <= 'f') {
              d = x - 'a' + 10;
            } else if (x >= 'A' && x <= 'F') {
              d = x - 'A' + 10;
            } else {
              throw new Bail();
            }
            v = (v << 4) | d;
          }
          if (Character.isSurrogate((char) v)) {
            throw new Bail();
          }
          b.append((char) v);
          pos += 4;
        }
        default -> throw new Bail();
      }
    }
  }
}
