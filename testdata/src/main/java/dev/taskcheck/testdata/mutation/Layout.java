package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How a seed is formatted, and the textual edits that change it in the same style. A mutation is a
 * few edits of the seed's text; everything outside them stays byte for byte, so every line and
 * column before the first edit is unchanged and the lines after it move by the lines the edit adds
 * or removes.
 *
 * <p>New values are written the way the seed writes its own: its line end ({@code \n} or {@code
 * \r\n}), its indentation unit (taken from the first member of the document), the spacing around
 * its colons, and one member or array item per line; in a one-line (compact) seed, on one line.
 */
final class Layout {

  /** Replaces {@code [start, end)} of the text with {@code text}. */
  record Edit(int start, int end, String text) {}

  private final String text;
  private final boolean compact;
  private final String newline;
  private final String unit;
  private final String colon;

  Layout(String text, JsonText.Value root) {
    this.text = text;
    this.compact = text.substring(root.start(), root.end()).indexOf('\n') < 0;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    List<JsonText.Member> members = root.members();
    String u = "  ";
    String c = compact ? ":" : ": ";
    if (!members.isEmpty()) {
      JsonText.Member first = members.get(0);
      c = text.substring(first.nameEnd(), first.value().start());
      String indent = indentAt(first.nameStart());
      if (!compact && !indent.isEmpty()) {
        u = indent;
      }
    }
    this.unit = u;
    this.colon = c;
  }

  /** Applies edits that do not overlap to {@code text}. */
  static String apply(String text, List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder sb = new StringBuilder(text.length() + 256);
    int at = 0;
    for (Edit e : sorted) {
      if (e.start() < at) {
        throw new IllegalArgumentException("overlapping edits at " + e.start());
      }
      sb.append(text, at, e.start()).append(e.text());
      at = e.end();
    }
    return sb.append(text, at, text.length()).toString();
  }

  /** The leading whitespace of the line that {@code offset} is on. */
  String indentAt(int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }

  /**
   * {@code json} (any JSON text) written in the seed's style, nested below a line indented by
   * {@code indent}.
   */
  String format(String json, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, json, JsonText.parse(json), indent);
    return sb.toString();
  }

  private void write(StringBuilder sb, String json, JsonText.Value v, String indent) {
    boolean object = v.isObject();
    int size = object ? v.members().size() : v.items().size();
    if (!object && !v.isArray()) {
      sb.append(json, v.start(), v.end());
      return;
    }
    sb.append(object ? '{' : '[');
    String inner = indent + unit;
    for (int i = 0; i < size; i++) {
      sb.append(i == 0 ? "" : ",");
      if (!compact) {
        sb.append(newline).append(inner);
      }
      JsonText.Value child;
      if (object) {
        JsonText.Member m = v.members().get(i);
        sb.append(json, m.nameStart(), m.nameEnd()).append(colon);
        child = m.value();
      } else {
        child = v.items().get(i);
      }
      write(sb, json, child, inner);
    }
    if (!compact && size > 0) {
      sb.append(newline).append(indent);
    }
    sb.append(object ? '}' : ']');
  }

  /** Replaces a value by {@code json}, formatted for where the value is. */
  Edit replace(JsonText.Value v, String json) {
    return new Edit(v.start(), v.end(), format(json, indentAt(v.start())));
  }

  /** Renames a member (the quoted name only). */
  Edit rename(JsonText.Member m, String name) {
    return new Edit(m.nameStart(), m.nameEnd(), Jsons.quote(name));
  }

  /** Removes members of an object, with their commas, so that the rest keeps its layout. */
  List<Edit> remove(JsonText.Value object, Set<String> names) {
    List<JsonText.Member> all = object.members();
    boolean[] gone = new boolean[all.size()];
    int left = all.size();
    for (int i = 0; i < all.size(); i++) {
      gone[i] = names.contains(all.get(i).name());
      left -= gone[i] ? 1 : 0;
    }
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      spans.add(new int[] {all.get(i).nameStart(), all.get(i).value().end()});
    }
    return removeSpans(object, spans, gone, left);
  }

  /** Removes items of an array, with their commas. */
  List<Edit> removeItems(JsonText.Value array, Set<Integer> indexes) {
    List<JsonText.Value> all = array.items();
    boolean[] gone = new boolean[all.size()];
    int left = all.size();
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      gone[i] = indexes.contains(i);
      left -= gone[i] ? 1 : 0;
      spans.add(new int[] {all.get(i).start(), all.get(i).end()});
    }
    return removeSpans(array, spans, gone, left);
  }

  private List<Edit> removeSpans(
      JsonText.Value container, List<int[]> spans, boolean[] gone, int left) {
    List<Edit> edits = new ArrayList<>();
    if (left == 0) {
      edits.add(new Edit(container.start() + 1, container.end() - 1, ""));
      return edits;
    }
    int i = 0;
    while (i < spans.size()) {
      if (!gone[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < spans.size() && gone[j + 1]) {
        j++;
      }
      if (j + 1 < spans.size()) {
        edits.add(new Edit(spans.get(i)[0], spans.get(j + 1)[0], "")); // up to the next one
      } else {
        edits.add(
            new Edit(spans.get(i - 1)[1], spans.get(j)[1], "")); // from the end of the one before
      }
      i = j + 1;
    }
    return edits;
  }

  /**
   * Adds a member to an object: after member {@code after} (-1: first), in the seed's style,
   * indented like its siblings.
   */
  Edit insert(JsonText.Value object, int after, String name, String json) {
    List<JsonText.Member> ms = object.members();
    if (ms.isEmpty()) {
      String indent = indentAt(object.start());
      String member = Jsons.quote(name) + colon + format(json, indent + unit);
      String body = compact ? member : newline + indent + unit + member + newline + indent;
      return new Edit(object.start(), object.end(), "{" + body + "}");
    }
    String sep =
        separator(
            ms.size() > 1 ? ms.get(0).value().end() : object.start() + 1,
            ms.size() > 1 ? ms.get(1).nameStart() : ms.get(0).nameStart());
    int anchor = ms.get(Math.max(after, 0)).nameStart();
    String member = Jsons.quote(name) + colon + format(json, indentAt(anchor));
    if (after < 0) {
      return new Edit(anchor, anchor, member + "," + sep);
    }
    int end = ms.get(after).value().end();
    return new Edit(end, end, "," + sep + member);
  }

  /**
   * Adds an item to an array after item {@code after} (-1: first), in the style of the other items.
   */
  Edit insertItem(JsonText.Value array, int after, String json) {
    List<JsonText.Value> items = array.items();
    if (items.isEmpty()) {
      return new Edit(
          array.start(), array.end(), format("[" + json + "]", indentAt(array.start())));
    }
    String sep =
        separator(
            items.size() > 1 ? items.get(0).end() : array.start() + 1,
            items.size() > 1 ? items.get(1).start() : items.get(0).start());
    int anchor = items.get(Math.max(after, 0)).start();
    String item = format(json, indentAt(anchor));
    if (after < 0) {
      return new Edit(anchor, anchor, item + "," + sep);
    }
    int end = items.get(after).end();
    return new Edit(end, end, "," + sep + item);
  }

  /**
   * The whitespace between two siblings (or the opening bracket and the first), the comma taken
   * out.
   */
  private String separator(int from, int to) {
    return text.substring(from, to).replace(",", "");
  }
}
