package dev.taskcheck.testdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON to write FHIR resources by hand: ordered objects, arrays, raw numbers, strings,
 * booleans, and a compact and a pretty writer. No parser.
 */
final class Json {

  private Json() {}

  /** A JSON object that keeps its members in insertion order. */
  static final class Obj {
    private LinkedHashMap<String, Object> members = new LinkedHashMap<>();

    /** Adds or replaces a member; a replaced member keeps its position. */
    Obj put(String key, Object value) {
      members.put(Objects.requireNonNull(key), checked(value));
      return this;
    }

    @Nullable Object get(String key) {
      return members.get(key);
    }

    /** A member the caller knows is there. */
    Object required(String key) {
      Object value = members.get(key);
      if (value == null) {
        throw new IllegalStateException("no member " + key);
      }
      return value;
    }

    /** An object member the caller knows is there. */
    Obj obj(String key) {
      return (Obj) required(key);
    }

    @Nullable Arr arr(String key) {
      return members.get(key) instanceof Arr a ? a : null;
    }

    boolean has(String key) {
      return members.containsKey(key);
    }

    @Nullable Object remove(String key) {
      return members.remove(key);
    }

    /** Renames a member in place, keeping its position and value. */
    void rename(String from, String to) {
      LinkedHashMap<String, Object> renamed = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : members.entrySet()) {
        renamed.put(e.getKey().equals(from) ? to : e.getKey(), e.getValue());
      }
      members = renamed;
    }

    /** The name of the first member whose name starts with {@code prefix}, or null. */
    @Nullable String firstKeyStartingWith(String prefix) {
      for (String k : members.keySet()) {
        if (k.startsWith(prefix)) {
          return k;
        }
      }
      return null;
    }
  }

  /** A JSON array. */
  static final class Arr {
    private final ArrayList<Object> items = new ArrayList<>();

    Arr add(Object value) {
      items.add(checked(value));
      return this;
    }

    Object get(int index) {
      return items.get(index);
    }

    int size() {
      return items.size();
    }
  }

  /** A JSON number, written exactly as given (FHIR decimals keep their precision). */
  record Num(String text) {
    Num {
      Objects.requireNonNull(text);
    }

    static Num of(long value) {
      return new Num(Long.toString(value));
    }
  }

  static Obj obj() {
    return new Obj();
  }

  static Arr arr(Object... values) {
    Arr a = new Arr();
    for (Object v : values) {
      a.add(v);
    }
    return a;
  }

  private static Object checked(Object value) {
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Num
        || value instanceof Obj
        || value instanceof Arr) {
      return value;
    }
    throw new IllegalArgumentException("not a JSON value: " + value);
  }

  /** One line, no insignificant whitespace. */
  static String compact(Object value) {
    StringBuilder sb = new StringBuilder(2048);
    write(sb, value, -1);
    return sb.toString();
  }

  /** Two-space indentation, one member or item per line, no trailing newline. */
  static String pretty(Object value) {
    StringBuilder sb = new StringBuilder(4096);
    write(sb, value, 0);
    return sb.toString();
  }

  /** Writes {@code value}; {@code indent < 0} means compact. */
  private static void write(StringBuilder sb, Object value, int indent) {
    if (value instanceof String s) {
      quote(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (value instanceof Num n) {
      sb.append(n.text());
    } else if (value instanceof Obj o) {
      if (o.members.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : o.members.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent < 0 ? -1 : indent + 1);
        quote(sb, e.getKey());
        sb.append(indent < 0 ? ":" : ": ");
        write(sb, e.getValue(), indent < 0 ? -1 : indent + 1);
      }
      newline(sb, indent);
      sb.append('}');
    } else if (value instanceof Arr a) {
      if (a.items.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < a.items.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent < 0 ? -1 : indent + 1);
        write(sb, a.items.get(i), indent < 0 ? -1 : indent + 1);
      }
      newline(sb, indent);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }

  private static void newline(StringBuilder sb, int indent) {
    if (indent >= 0) {
      sb.append('\n');
      for (int i = 0; i < indent; i++) {
        sb.append("  ");
      }
    }
  }

  /**
   * Appends {@code s} as a JSON string literal: quotes, backslashes and control characters escaped.
   */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\u2028', '\u2029' -> unicodeEscape(sb, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    String hex = "0123456789abcdef";
    sb.append("\\u")
        .append(hex.charAt((c >> 12) & 0xF))
        .append(hex.charAt((c >> 8) & 0xF))
        .append(hex.charAt((c >> 4) & 0xF))
        .append(hex.charAt(c & 0xF));
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }
}
