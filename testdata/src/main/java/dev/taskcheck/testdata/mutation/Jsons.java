package dev.taskcheck.testdata.mutation;

import java.util.Locale;

/**
 * Small pieces of JSON text for new values: quoted strings, objects and arrays from raw JSON parts.
 */
final class Jsons {

  private Jsons() {}

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
              } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                sb.append((char) c);
              }
            });
    return sb.append('"').toString();
  }

  /**
   * An object from name, raw JSON value pairs: {@code obj("url", quote(u), "valueCode", quote(c))}.
   */
  static String obj(String... namesAndValues) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      sb.append(i == 0 ? "" : ",")
          .append(quote(namesAndValues[i]))
          .append(':')
          .append(namesAndValues[i + 1]);
    }
    return sb.append('}').toString();
  }

  /** An array of raw JSON values. */
  static String arr(String... values) {
    return "[" + String.join(",", values) + "]";
  }

  /** The raw text of a value of {@code doc}. */
  static String raw(String text, JsonText.Value v) {
    return text.substring(v.start(), v.end());
  }
}
