package dev.taskcheck.parse;

import java.util.ArrayList;
import java.util.Arrays;
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
 * JsonTreeParser#MAX_NUMBER_LENGTH}, a raw control character in a string, whitespace other than
 * space, tab, CR and LF, an array inside an array, a {@code resourceType} that is not a string or
 * repeats, a root without one, any {@link DocumentLimits} budget reached) it gives up and returns
 * null, and the Jackson path reads the whole document, with its messages and positions.
 *
 * <p>It reads a copy of the text in a {@code char[]}: on 2,000 generated Tasks that was about 20%
 * faster than {@code String.charAt} with a bounds test, the copy included.
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
   * before costs no String. Shared by all threads: a slot holds an immutable {@link Name}, so a
   * racy read sees null, an older name or a newer one, each checked against the text before use.
   */
  private static final @Nullable Name[] NAMES = new Name[4096];

  private static final int NAMES_MASK = NAMES.length - 1;

  private final String s;

  /**
   * The text's characters and a 0 after them (never valid anywhere in JSON, so every scan stops
   * there without a bounds check of its own), in a buffer of the thread's that may be longer.
   */
  private final char[] buf;

  /** The text length. */
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

  /** Where {@link #readEscapedString} unescapes. */
  private char[] scratch;

  /**
   * A thread's character buffers, kept from one document to the next: a document's characters are
   * copied into one, and the strings made from it are copies, so nothing refers to it once a
   * document is read. Buffers up to {@link #KEPT_CHARS} are kept (256 KB a thread at most); a
   * larger document gets its own.
   */
  private static final class Buffers {
    char[] text = new char[1024];
    char[] scratch = new char[64];
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  static final int KEPT_CHARS = 1 << 16;

  private final Buffers buffers;

  /** What {@link #readObject} found besides the children. */
  private @Nullable String objectResourceType;

  private Node.Notes objectNotes = Node.Notes.NONE;

  private FastJsonReader(String text, int firstLine, DocumentLimits limits) {
    this.s = text;
    this.n = text.length();
    Buffers held = BUFFERS.get();
    this.buffers = held;
    char[] b = held.text;
    if (b.length < n + 2) {
      b = new char[n + 2];
      if (b.length <= KEPT_CHARS) {
        held.text = b;
      }
    }
    text.getChars(0, n, b, 0);
    // the 0 after the text (and one more: nothing reads past the first, as with a buffer of n + 1)
    b[n] = 0;
    b[n + 1] = 0;
    this.buf = b;
    this.scratch = held.scratch;
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
    return buf[i];
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
    char[] b = buf;
    int p = pos;
    if (b[p] > ' ') {
      return;
    }
    for (; ; ) {
      char c = b[p];
      if (c == ' ' || c == '\t') {
        p++;
      } else if (c == '\n') {
        p++;
        line++;
        lineStart = p;
      } else if (c == '\r') {
        p++;
        if (b[p] == '\n') {
          p++;
        }
        line++;
        lineStart = p;
      } else {
        pos = p;
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
      stack = Arrays.copyOf(stack, top * 2);
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
              names = Arrays.copyOf(names, namesTop * 2);
            }
            names[namesTop++] = name;
            if (namesTop - nameBase > 64) {
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
        if (same(name, "resourceType")) {
          if (repeated || ch(pos) != '"') {
            throw new Bail();
          }
          resourceType = readString();
        } else {
          int inner = same(name, "contained") ? contained + 1 : contained;
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
    } else {
      c = digits();
    }
    if (c == '.') {
      pos++;
      c = digits();
    }
    if (c == 'e' || c == 'E') {
      c = ch(++pos);
      if (c == '+' || c == '-') {
        pos++;
      }
      c = digits();
    }
    if (pos - start > JsonTreeParser.MAX_NUMBER_LENGTH) {
      throw new Bail();
    }
    return s.substring(start, pos);
  }

  /** One digit or more from {@link #pos} on (else gives up); returns the character after them. */
  private char digits() {
    char c = ch(pos);
    if (c < '0' || c > '9') {
      throw new Bail();
    }
    do {
      c = ch(++pos);
    } while (c >= '0' && c <= '9');
    return c;
  }

  /** A property name, interned; {@link #pos} is at its opening quote. */
  private String readName() {
    char[] b = buf;
    int start = pos + 1;
    int p = start;
    // the name's end and its hash in one pass
    int h = 0;
    for (; ; ) {
      char c = b[p];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < ' ') {
        throw new Bail();
      }
      h = 31 * h + c;
      p++;
    }
    pos = p + 1;
    int length = p - start;
    if (length > JsonTreeParser.MAX_NAME_LENGTH) {
      throw new Bail();
    }
    int slot = (h ^ (h >>> 12)) & NAMES_MASK;
    Name known = NAMES[slot];
    if (known != null
        && known.hash == h
        && Arrays.equals(known.chars, 0, known.chars.length, b, start, p)) {
      return known.string;
    }
    String name = new String(b, start, length).intern();
    NAMES[slot] = new Name(name, h);
    return name;
  }

  /** A string value, unescaped; {@link #pos} is at its opening quote. */
  private String readString() {
    char[] b = buf;
    int start = pos + 1;
    int p = start;
    for (; ; ) {
      char c = b[p];
      if (c == '"') {
        pos = p + 1;
        // from the text itself: a Latin-1 text's bytes are copied, not its characters compressed
        return s.substring(start, p);
      }
      if (c == '\\') {
        return readEscapedString(start, p);
      }
      if (c < ' ') {
        throw new Bail();
      }
      p++;
    }
  }

  /** A string value from its first character at {@code start} and first backslash at {@code p}. */
  private String readEscapedString(int start, int p) {
    char[] b = buf;
    char[] out = scratch;
    int length = p - start;
    if (out.length < length + 16) {
      out = new char[Math.max(2 * out.length, length + 16)];
    }
    System.arraycopy(b, start, out, 0, length);
    for (; ; ) {
      char c = b[p];
      if (c == '"') {
        break;
      }
      if (c < ' ') {
        throw new Bail();
      }
      if (length == out.length) {
        out = Arrays.copyOf(out, 2 * length);
      }
      if (c != '\\') {
        out[length++] = c;
        p++;
        continue;
      }
      char e = b[p + 1];
      p += 2;
      switch (e) {
        case '"' -> out[length++] = '"';
        case '\\' -> out[length++] = '\\';
        case '/' -> out[length++] = '/';
        case 'b' -> out[length++] = '\b';
        case 'f' -> out[length++] = '\f';
        case 'n' -> out[length++] = '\n';
        case 'r' -> out[length++] = '\r';
        case 't' -> out[length++] = '\t';
        case 'u' -> {
          // the four digits are read in turn: the first non-digit (at the latest the final 0) stops
          int v = 0;
          for (int i = 0; i < 4; i++) {
            char x = b[p + i];
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
          out[length++] = (char) v;
          p += 4;
        }
        default -> throw new Bail();
      }
    }
    scratch = out;
    if (out.length <= KEPT_CHARS) {
      buffers.scratch = out;
    }
    pos = p + 1;
    return new String(out, 0, length);
  }

  /** An interned property name, its characters and their hash ({@link #readName}). */
  private static final class Name {
    final String string;
    final char[] chars;
    final int hash;

    Name(String string, int hash) {
      this.string = string;
      this.chars = string.toCharArray();
      this.hash = hash;
    }
  }
}
