package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict RFC 8259 JSON reader that keeps where every value and member name is in the text, so
 * that a mutation can be applied as a textual edit and leave the rest of the document byte for byte
 * as it was. Duplicate member names are kept (a reader of FHIR decides what they mean).
 */
final class JsonText {

  /** The kind of a JSON value. */
  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL
  }

  /** A member of an object: its name and where the quoted name is. */
  record Member(String name, int nameStart, int nameEnd, Value value) {}

  /** A JSON value and its span {@code [start, end)} in the text. */
  static final class Value {
    private final Kind kind;
    private final int start;
    private int end;
    private final String string;
    private final List<Member> members;
    private final List<Value> items;

    private Value(Kind kind, int start, String string, List<Member> members, List<Value> items) {
      this.kind = kind;
      this.start = start;
      this.string = string;
      this.members = members;
      this.items = items;
    }

    Kind kind() {
      return kind;
    }

    int start() {
      return start;
    }

    int end() {
      return end;
    }

    /**
     * The decoded string of a string value, the literal text of a number, else the empty string.
     */
    String string() {
      return string;
    }

    List<Member> members() {
      return members;
    }

    List<Value> items() {
      return items;
    }

    boolean isObject() {
      return kind == Kind.OBJECT;
    }

    boolean isArray() {
      return kind == Kind.ARRAY;
    }

    boolean isString() {
      return kind == Kind.STRING;
    }

    /** A string, number, true or false. */
    boolean isScalar() {
      return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.TRUE || kind == Kind.FALSE;
    }

    /** The first member named {@code name}, or null. */
    Member member(String name) {
      for (Member m : members) {
        if (m.name().equals(name)) {
          return m;
        }
      }
      return null;
    }

    /** The value of the first member named {@code name}, or null. */
    Value get(String name) {
      Member m = member(name);
      return m == null ? null : m.value();
    }

    /** The string of member {@code name} when it is a JSON string, else null. */
    String text(String name) {
      Value v = get(name);
      return v != null && v.isString() ? v.string() : null;
    }

    // the member object itself is looked for, not an equal one (two members may be equal)
    @SuppressWarnings("ReferenceEquality")
    int indexOf(Member member) {
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i) == member) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Malformed JSON, with the offset where reading stopped. */
  static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message, int offset) {
      super(message + " at offset " + offset);
    }
  }

  /** Parses the one value that makes up {@code text} (surrounding whitespace allowed). */
  static Value parse(String text) {
    JsonText reader = new JsonText(text);
    Value root = reader.value();
    reader.skipWhitespace();
    if (reader.at < text.length()) {
      throw new SyntaxException("content after the JSON value", reader.at);
    }
    return root;
  }

  /**
   * Whether {@code text} is one well-formed JSON value whose objects have no repeated member names.
   */
  static boolean isStrict(String text) {
    try {
      return noDuplicates(parse(text));
    } catch (SyntaxException e) {
      return false;
    }
  }

  /** Whether no object in {@code v} repeats a member name. */
  static boolean noDuplicates(Value v) {
    List<Member> ms = v.members();
    Set<String> names = ms.size() > 8 ? new HashSet<>() : null;
    for (int i = 0; i < ms.size(); i++) {
      String name = ms.get(i).name();
      boolean repeated =
          names != null
              ? !names.add(name)
              : ms.subList(0, i).stream().anyMatch(m -> m.name().equals(name));
      if (repeated || !noDuplicates(ms.get(i).value())) {
        return false;
      }
    }
    for (Value item : v.items()) {
      if (!noDuplicates(item)) {
        return false;
      }
    }
    return true;
  }

  /** The characters after a backslash, and what each stands for ({@code \\u} aside). */
  private static final String ESCAPED = "\"\\/bfnrt";

  private static final String UNESCAPED = "\"\\/\b\f\n\r\t";

  /** The text being read, and where. */
  private final String src;

  private int at;

  private JsonText(String json) {
    this.src = json;
  }

  /** The value at the next non-blank character; {@code at} ends after it. */
  private Value value() {
    skipWhitespace();
    char c = peek();
    int start = at;
    Value v =
        switch (c) {
          case '{' -> {
            List<Member> members = new ArrayList<>();
            sequence('}', () -> members.add(member()));
            yield new Value(
                Kind.OBJECT, start, "", Collections.unmodifiableList(members), List.of());
          }
          case '[' -> {
            List<Value> items = new ArrayList<>();
            sequence(']', () -> items.add(value()));
            yield new Value(Kind.ARRAY, start, "", List.of(), Collections.unmodifiableList(items));
          }
          case '"' -> new Value(Kind.STRING, start, string(), List.of(), List.of());
          case 't' -> literal("true", Kind.TRUE);
          case 'f' -> literal("false", Kind.FALSE);
          case 'n' -> literal("null", Kind.NULL);
          default -> {
            if (c != '-' && (c < '0' || c > '9')) {
              throw new SyntaxException(
                  at < src.length() ? "unexpected character '" + c + "'" : "unexpected end", at);
            }
            number();
            yield new Value(Kind.NUMBER, start, src.substring(start, at), List.of(), List.of());
          }
        };
    v.end = at;
    return v;
  }

  /**
   * The comma-separated items of an object or array, each read by {@code item}; starts at the
   * bracket.
   */
  private void sequence(char close, Runnable item) {
    at++;
    skipWhitespace();
    if (peek() == close) {
      at++;
      return;
    }
    item.run();
    skipWhitespace();
    while (peek() == ',') {
      at++;
      item.run();
      skipWhitespace();
    }
    expect(close);
  }

  private Member member() {
    skipWhitespace();
    if (peek() != '"') {
      throw new SyntaxException("expected a member name", at);
    }
    int nameStart = at;
    String name = string();
    int nameEnd = at;
    skipWhitespace();
    expect(':');
    return new Member(name, nameStart, nameEnd, value());
  }

  private String string() {
    expect('"');
    int start = at;
    while (at < src.length()) { // the common case: no escapes, read in one piece
      char c = src.charAt(at);
      if (c == '"') {
        return src.substring(start, at++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      at++;
    }
    StringBuilder sb = new StringBuilder(src.substring(start, at));
    while (true) {
      if (at >= src.length()) {
        throw new SyntaxException("unterminated string", at);
      }
      char c = src.charAt(at++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw new SyntaxException("raw control character in a string", at - 1);
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = at < src.length() ? src.charAt(at++) : '\0';
      int simple = ESCAPED.indexOf(e);
      if (e == 'u') {
        sb.append(unicodeEscape());
      } else if (simple >= 0) {
        sb.append(UNESCAPED.charAt(simple));
      } else {
        throw new SyntaxException("bad escape", at - 1);
      }
    }
  }

  private char unicodeEscape() {
    if (at + 4 > src.length()) {
      throw new SyntaxException("short \\u escape", at);
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(src.charAt(at + i), 16);
      if (digit < 0) {
        throw new SyntaxException("bad \\u escape", at);
      }
      code = code * 16 + digit;
    }
    at += 4;
    return (char) code;
  }

  private void number() {
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw new SyntaxException("bad number", at);
    }
    if (peek() == '.') {
      at++;
      requireDigit();
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      requireDigit();
      digits();
    }
  }

  private void requireDigit() {
    if (!isDigit(peek())) {
      throw new SyntaxException("bad number", at);
    }
  }

  private void digits() {
    while (isDigit(peek())) {
      at++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Value literal(String word, Kind kind) {
    if (!src.startsWith(word, at)) {
      throw new SyntaxException("unexpected word", at);
    }
    at += word.length();
    return new Value(kind, at - word.length(), "", List.of(), List.of());
  }

  /** Moves past JSON whitespace (space, tab, line feed, carriage return). */
  private void skipWhitespace() {
    while (at < src.length() && " \t\n\r".indexOf(src.charAt(at)) >= 0) {
      at++;
    }
  }

  private char peek() {
    return at < src.length() ? src.charAt(at) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new SyntaxException("expected '" + c + "'", at);
    }
    at++;
  }
}
