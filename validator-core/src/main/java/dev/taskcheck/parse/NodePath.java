package dev.taskcheck.parse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the node a FHIRPath location names, such as {@code
 * Bundle.entry[1].resource.input[0].value.ofType(Ratio)}. Understands element names, {@code
 * [index]}, {@code ofType(T)} on choice elements and engine comments ({@code /*Task/1*}{@code /}).
 * Where the path names something absent, the deepest node that exists is returned, so a missing
 * element is located at its parent.
 */
public final class NodePath {

  private NodePath() {}

  /**
   * The line and column an expression points at: the node it reaches, at its property when the last
   * step names a repeating element without an index ({@code Task.requestedPerformer} points at the
   * property, {@code Task.requestedPerformer[1]} at the second item).
   */
  public static int[] position(Node root, String expression) {
    String e = stripComments(expression);
    Node n = resolveSteps(root, e);
    return lastStepIndexed(e)
        ? new int[] {n.line(), n.column()}
        : new int[] {n.memberLine(), n.memberColumn()};
  }

  /**
   * The deepest node of {@code root} that the expression reaches; {@code root} when nothing
   * matches.
   */
  public static Node resolve(Node root, String expression) {
    return resolveSteps(root, stripComments(expression));
  }

  // The steps are the parts of the expression between dots outside brackets and parentheses (empty
  // ones skipped), read in place: a finding's position is looked up for every finding, and a list
  // of
  // substrings per lookup was a third of the cost.

  /** Where the step that starts at {@code from} ends: its dot outside brackets, or the end. */
  private static int stepEnd(String e, int from) {
    int depth = 0;
    for (int i = from; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '.' && depth == 0) {
        return i;
      }
    }
    return e.length();
  }

  /** Where the first non-empty step at or after {@code from} starts, or the expression's length. */
  private static int stepStart(String e, int from) {
    int i = from;
    while (i < e.length() && e.charAt(i) == '.') {
      i++;
    }
    return i;
  }

  /** Whether the last step ends with {@code ]}. */
  private static boolean lastStepIndexed(String e) {
    int last = -1;
    for (int a = stepStart(e, 0); a < e.length(); a = stepStart(e, stepEnd(e, a) + 1)) {
      last = stepEnd(e, a);
    }
    return last > 0 && e.charAt(last - 1) == ']';
  }

  /** Whether the step {@code [a, b)} is exactly {@code text}. */
  private static boolean stepIs(String e, int a, int b, @Nullable String text) {
    return text != null && text.length() == b - a && e.startsWith(text, a);
  }

  private static Node resolveSteps(Node root, String e) {
    int a = stepStart(e, 0);
    if (a >= e.length()) {
      return root;
    }
    int b = stepEnd(e, a);
    if (stepIs(e, a, b, root.name()) || stepIs(e, a, b, root.resourceType())) {
      a = stepStart(e, b + 1);
    }
    Node current = root;
    Node parent = null;
    for (; a < e.length(); a = stepStart(e, b + 1)) {
      b = stepEnd(e, a);
      // none of these prefixes holds a dot, so none matches past the step's end
      if (e.startsWith("ofType(", a)
          || e.startsWith("resolve(", a)
          || e.startsWith("where(", a)
          || e.startsWith("extension(", a)) {
        continue;
      }
      int nameEnd = b;
      int index = 0;
      int bracket = e.indexOf('[', a);
      if (bracket > a && bracket < b && e.charAt(b - 1) == ']') {
        nameEnd = bracket;
        try {
          index = Integer.parseInt(e, bracket + 1, b - 1, 10);
        } catch (NumberFormatException ex) {
          return current;
        }
      }
      // the common case, a child of that name, without making a string or list of them
      Node direct = nth(current, e, a, nameEnd, index);
      if (direct != null) {
        parent = current;
        current = direct;
        continue;
      }
      String name = e.substring(a, nameEnd);
      if (current.child(name) != null) {
        return current; // fewer children of that name than the index
      }
      int next = stepStart(e, b + 1);
      List<Node> candidates =
          choiceCandidates(
              current, name, next < e.length() ? e.substring(next, stepEnd(e, next)) : null);
      if (candidates.isEmpty()) {
        // a JSON primitive with only an id or extensions: "_status": {...} and no "status"
        candidates = current.children("_" + name);
      }
      if (candidates.isEmpty() && parent != null && current.value() != null) {
        // a JSON primitive's id and extensions sit in its "_name" sibling
        Node shadow = parent.child("_" + current.name());
        if (shadow != null) {
          candidates = shadow.children(name);
        }
      }
      if (index < 0 || index >= candidates.size()) {
        return current;
      }
      parent = current;
      current = candidates.get(index);
    }
    return current;
  }

  /** The child at {@code index} among those called {@code e[a, b)}, or null. */
  private static @Nullable Node nth(Node node, String e, int a, int b, int index) {
    List<Node> children = node.children();
    int length = b - a;
    int seen = 0;
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      String n = c.name();
      if (n.length() == length && e.startsWith(n, a) && seen++ == index) {
        return c;
      }
    }
    return null;
  }

  static List<Node> choiceCandidates(Node current, String name, @Nullable String next) {
    List<Node> out = new ArrayList<>();
    String wantedType = null;
    if (next != null && next.startsWith("ofType(") && next.endsWith(")")) {
      wantedType = next.substring("ofType(".length(), next.length() - 1);
    }
    for (Node c : current.children()) {
      String n = c.name();
      if (n.length() > name.length()
          && n.startsWith(name)
          && Character.isUpperCase(n.charAt(name.length()))) {
        if (wantedType == null || n.substring(name.length()).equalsIgnoreCase(wantedType)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /**
   * The FHIRPath of the last node (in document order) that starts at or before a position: the
   * element a parser message at that position is about. The root's path is its name.
   */
  public static String pathAt(Node root, int line, int column) {
    String[] best = {root.name()};
    walk(root, root.name(), line, column, best);
    return best[0];
  }

  private static boolean walk(Node node, String path, int line, int column, String[] best) {
    if (node.line() > line || (node.line() == line && node.column() > column)) {
      return false;
    }
    best[0] = path;
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (Node c : node.children()) {
      counts.merge(c.name(), 1, Integer::sum);
    }
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (Node c : node.children()) {
      int index = seen.merge(c.name(), 1, Integer::sum) - 1;
      int count = counts.getOrDefault(c.name(), 0);
      String childPath =
          path + "." + c.name() + (count > 1 || isRepeating(c.name()) ? "[" + index + "]" : "");
      if (!walk(c, childPath, line, column, best)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Elements that repeat (0..*) wherever they occur in Task and the datatypes it uses, in every
   * release: a path names them with an index even when there is only one, as the HL7 validator
   * does. XML does not say whether a single element repeats; JSON arrays do, and other elements are
   * indexed when repeated.
   */
  private static final java.util.Set<String> ALWAYS_REPEATING =
      java.util.Set.of(
          "extension",
          "modifierExtension",
          "identifier",
          "contained",
          "entry",
          "link",
          "coding",
          "input",
          "output",
          "note",
          "basedOn",
          "partOf",
          "insurance",
          "relevantHistory",
          "profile",
          "tag",
          "security",
          "telecom",
          "given",
          "prefix",
          "suffix",
          "line",
          "performerType",
          "requestedPerformer",
          "performer",
          "reason");

  private static boolean isRepeating(String name) {
    return ALWAYS_REPEATING.contains(name);
  }

  /** Removes engine comments such as {@code /*Task/abc*}{@code /}. */
  public static String stripComments(String expression) {
    if (expression.indexOf("/*") < 0) {
      return expression;
    }
    StringBuilder b = new StringBuilder(expression.length());
    int i = 0;
    while (i < expression.length()) {
      int open = expression.indexOf("/*", i);
      if (open < 0) {
        b.append(expression, i, expression.length());
        break;
      }
      int close = expression.indexOf("*/", open + 2);
      if (close < 0) {
        b.append(expression, i, expression.length());
        break;
      }
      b.append(expression, i, open);
      i = close + 2;
    }
    return b.toString();
  }
}
