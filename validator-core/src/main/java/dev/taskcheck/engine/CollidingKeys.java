package dev.taskcheck.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps JSON keys that share a {@link String#hashCode} with an element name away from the HL7 JSON
 * parser, which looks properties up by that hash alone ({@code JsonParser.getJsonPropertyByName} in
 * org.hl7.fhir.r5 6.7.9): {@code "tUatus"} was read as {@code status}, so neither the unknown key
 * nor the missing element was reported. Such a key is replaced by a name of the same length in the
 * text (so every line:column stays) whose hash collides with no element name, and the messages name
 * the original key again.
 */
final class CollidingKeys {

  private CollidingKeys() {}

  /** The element names of one worker context, and their hashes. */
  record Names(Object context, Set<String> names, Set<Integer> hashes, Set<String> types) {
    Names(Object context, Set<String> names, Set<String> types) {
      this(context, Set.copyOf(names), hashesOf(names), Set.copyOf(types));
    }

    /**
     * The FHIRPath segment of a JSON property: a choice property ({@code valueHumanName}, {@code
     * valueString}) as {@code value.ofType(HumanName)}, anything else as it is.
     */
    String segment(String property) {
      if (names.contains(property)) {
        return property;
      }
      for (int i = 1; i < property.length(); i++) {
        if (!Character.isUpperCase(property.charAt(i))) {
          continue;
        }
        String type = property.substring(i);
        String primitive = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        String base = property.substring(0, i);
        if (names.contains(base + "[x]")) {
          if (types.contains(type)) {
            return base + ".ofType(" + type + ")";
          }
          if (types.contains(primitive)) {
            return base + ".ofType(" + primitive + ")";
          }
        }
      }
      return property;
    }

    private static Set<Integer> hashesOf(Set<String> names) {
      Set<Integer> h = new HashSet<>();
      for (String n : names) {
        h.add(n.hashCode());
      }
      return Set.copyOf(h);
    }

    boolean collides(String key) {
      return hashes.contains(key.hashCode()) && !names.contains(key);
    }
  }

  /**
   * The JSON text with every key that collides with an element name (same hash, other text)
   * replaced by one of the same length that does not; {@code renamed} receives replacement to
   * original. The text as it is when no key collides or it cannot be scanned.
   */
  static String separate(String text, Names names, Map<String, String> renamed) {
    StringBuilder out = null;
    Set<String> keys = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c != '"') {
        i++;
        continue;
      }
      int start = i + 1;
      int end = start;
      boolean escaped = false;
      while (end < n && text.charAt(end) != '"') {
        if (text.charAt(end) == '\\') {
          escaped = true;
          end++;
        }
        end++;
      }
      if (end >= n) {
        break;
      }
      i = end + 1;
      int j = i;
      while (j < n && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      if (j >= n || text.charAt(j) != ':') {
        continue;
      }
      String raw = text.substring(start, end);
      String key = escaped ? decode(raw) : raw;
      if (key == null || !names.collides(key)) {
        continue;
      }
      if (keys == null) {
        keys = allKeys(text);
      }
      String replacement = replacement(raw, key, names, keys, renamed);
      if (replacement == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text);
      }
      out.replace(start, end, replacement);
      renamed.put(replacement, key);
    }
    return out == null ? text : out.toString();
  }

  /**
   * The text with the key whose opening quote is at {@code offset} renamed (same length, colliding
   * with no element name), or the text as it is when the key there is not {@code key} as written;
   * {@code renamed} receives replacement to original.
   */
  static String renameAt(
      String text, long offset, String key, Names names, Map<String, String> renamed) {
    int start = (int) offset + 1;
    int end = start + key.length();
    if (offset < 0
        || end >= text.length()
        || !text.startsWith(key, start)
        || text.charAt(end) != '"') {
      return text;
    }
    String replacement = replacement(key, key, names, allKeys(text), renamed);
    if (replacement == null) {
      return text;
    }
    renamed.put(replacement, key);
    return text.substring(0, start) + replacement + text.substring(end);
  }

  /** The message with every replacement named by its original key again. */
  static String restore(String message, Map<String, String> renamed) {
    String m = message;
    for (Map.Entry<String, String> e : renamed.entrySet()) {
      m = m.replace(e.getKey(), e.getValue());
    }
    return m;
  }

  /**
   * A plain (escape-free) name of {@code raw}'s length that collides with no element name and is no
   * key of the document; null when none is found (never for a key of two or more characters).
   */
  private static @Nullable String replacement(
      String raw, String key, Names names, Set<String> keys, Map<String, String> renamed) {
    char[] base = (raw.indexOf('\\') < 0 ? raw : "z".repeat(raw.length())).toCharArray();
    for (int pos = base.length - 1; pos >= 0 && pos >= base.length - 3; pos--) {
      char original = base[pos];
      if (original == '"' || original == '\\') {
        continue;
      }
      for (char c = 'A'; c <= 'z'; c++) {
        if (!Character.isLetter(c) || c == original) {
          continue;
        }
        base[pos] = c;
        String candidate = new String(base);
        if (!names.hashes().contains(candidate.hashCode())
            && !names.names().contains(candidate)
            && !keys.contains(candidate)
            && !candidate.equals(key)
            && !renamed.containsKey(candidate)) {
          return candidate;
        }
      }
      base[pos] = original;
    }
    return null;
  }

  /** Every string of the text that is followed by a colon, decoded (an over-approximation). */
  private static Set<String> allKeys(String text) {
    Set<String> keys = new HashSet<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < n && text.charAt(end) != '"') {
        if (text.charAt(end) == '\\') {
          end++;
        }
        end++;
      }
      if (end >= n) {
        break;
      }
      String raw = text.substring(start, end);
      String key = raw.indexOf('\\') < 0 ? raw : decode(raw);
      if (key != null) {
        keys.add(key);
      }
      i = end + 1;
    }
    return keys;
  }

  /** The JSON string body decoded; null when an escape is malformed (the parser reports it). */
  private static @Nullable String decode(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (++i >= raw.length()) {
        return null;
      }
      char e = raw.charAt(i);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 >= raw.length()) {
            return null;
          }
          try {
            b.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException ex) {
            return null;
          }
          i += 4;
        }
        default -> {
          return null;
        }
      }
    }
    return b.toString();
  }
}
