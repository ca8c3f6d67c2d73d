package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict RFC 8259 JSON reader that keeps where every value and member name is in the text, so that
 * a mutation can be applied as a textual edit and leave the rest of the document byte for byte as it
 * was. Duplicate member names are kept (a reader of FHIR decides what they mean).
 */
final class JsonText {

  /** The kind of a JSON value. */
  enum Kind { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

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

    /** The decoded string of a string value, the literal text of a number, else the empty string. */
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

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /** Parses the one value that makes up {@code text} (surrounding whitespace allowed). */
  static Value parse(String text) {
    JsonText p = new JsonText(text);
    p.skipWhitespace();
    Value v = p.value();
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw new SyntaxException("content after the JSON value", p.pos);
    }
    return v;
  }

  /** Whether {@code text} is one well-formed JSON value whose objects have no repeated member names. */
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
      boolean repeated = names != null ? !names.add(name) : ms.subList(0, i).stream()
          .anyMatch(m -> m.name().equals(name));
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

  private Value value() {
    if (pos >= text.length()) {
      throw new SyntaxException("unexpected end of input", pos);
    }
    char c = text.charAt(pos);
    Value v;
    if (c == '{') {
      v = object();
    } else if (c == '[') {
      v = array();
    } else if (c == '"') {
      int start = pos;
      v = new Value(Kind.STRING, start, string(), List.of(), List.of());
    } else if (c == 't') {
      v = literal("true", Kind.TRUE);
    } else if (c == 'f') {
      v = literal("false", Kind.FALSE);
    } else if (c == 'n') {
      v = literal("null", Kind.NULL);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      int start = pos;
      number();
      v = new Value(Kind.NUMBER, start, text.substring(start, pos), List.of(), List.of());
    } else {
      throw new SyntaxException("unexpected character '" + c + "'", pos);
    }
    v.end = pos;
    return v;
  }

  private Value object() {
    int start = pos++;
    List<Member> members = new ArrayList<>();
    skipWhitespace();
    if (peek() != '}') {
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw new SyntaxException("expected a member name", pos);
        }
        int nameStart = pos;
        String name = string();
        int nameEnd = pos;
        skipWhitespace();
        expect(':');
        skipWhitespace();
        members.add(new Member(name, nameStart, nameEnd, value()));
        skipWhitespace();
        if (peek() != ',') {
          break;
        }
        pos++;
      }
    }
    expect('}');
    return new Value(Kind.OBJECT, start, "", Collections.unmodifiableList(members), List.of());
  }

  private Value array() {
    int start = pos++;
    List<Value> items = new ArrayList<>();
    skipWhitespace();
    if (peek() != ']') {
      while (true) {
        skipWhitespace();
        items.add(value());
        skipWhitespace();
        if (peek() != ',') {
          break;
        }
        pos++;
      }
    }
    expect(']');
    return new Value(Kind.ARRAY, start, "", List.of(), Collections.unmodifiableList(items));
  }

  private String string() {
    expect('"');
    int start = pos;
    while (pos < text.length()) { // the common case: no escapes, read in one piece
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      pos++;
    }
    StringBuilder sb = new StringBuilder(text.substring(start, pos));
    while (true) {
      if (pos >= text.length()) {
        throw new SyntaxException("unterminated string", pos);
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw new SyntaxException("raw control character in a string", pos - 1);
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = pos < text.length() ? text.charAt(pos++) : '\0';
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(unicodeEscape());
        default -> throw new SyntaxException("bad escape", pos - 1);
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw new SyntaxException("short \\u escape", pos);
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw new SyntaxException("bad \\u escape", pos);
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private void number() {
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw new SyntaxException("bad number", pos);
    }
    if (peek() == '.') {
      pos++;
      requireDigit();
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigit();
      digits();
    }
  }

  private void requireDigit() {
    if (!isDigit(peek())) {
      throw new SyntaxException("bad number", pos);
    }
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Value literal(String word, Kind kind) {
    if (!text.startsWith(word, pos)) {
      throw new SyntaxException("unexpected word", pos);
    }
    int start = pos;
    pos += word.length();
    return new Value(kind, start, "", List.of(), List.of());
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new SyntaxException("expected '" + c + "'", pos);
    }
    pos++;
  }
}
