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
    List<String> steps = split(stripComments(expression));
    Node n = resolve(root, steps);
    String last = steps.isEmpty() ? "" : steps.get(steps.size() - 1);
    boolean indexed = last.endsWith("]");
    return indexed
        ? new int[] {n.line(), n.column()}
        : new int[] {n.memberLine(), n.memberColumn()};
  }

  /**
   * The deepest node of {@code root} that the expression reaches; {@code root} when nothing
   * matches.
   */
  public static Node resolve(Node root, String expression) {
    return resolve(root, split(stripComments(expression)));
  }

  private static Node resolve(Node root, List<String> steps) {
    if (steps.isEmpty()) {
      return root;
    }
    Node current = root;
    Node parent = null;
    int start =
        steps.get(0).equals(root.name()) || steps.get(0).equals(root.resourceType()) ? 1 : 0;
    for (int s = start; s < steps.size(); s++) {
      String step = steps.get(s);
      if (step.startsWith("ofType(")
          || step.startsWith("resolve(")
          || step.startsWith("where(")
          || step.startsWith("extension(")) {
        continue;
      }
      String name = step;
      int index = 0;
      int bracket = step.indexOf('[');
      if (bracket > 0 && step.endsWith("]")) {
        name = step.substring(0, bracket);
        try {
          index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
        } catch (NumberFormatException e) {
          return current;
        }
      }
      // the common case, a child of that name, without making a list of them
      Node direct = nth(current, name, index);
      if (direct != null) {
        parent = current;
        current = direct;
        continue;
      }
      if (current.child(name) != null) {
        return current; // fewer children of that name than the index
      }
      List<Node> candidates =
          choiceCandidates(current, name, s + 1 < steps.size() ? steps.get(s + 1) : null);
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

  /** The child at {@code index} among those called {@code name}, or null. */
  private static @Nullable Node nth(Node node, String name, int index) {
    List<Node> children = node.children();
    int seen = 0;
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      if (c.name().equals(name) && seen++ == index) {
        return c;
      }
    }
    return null;
  }

  private static List<Node> choiceCandidates(Node current, String name, @Nullable String next) {
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

  /** Splits on dots that are not inside parentheses or brackets. */
  static List<String> split(String expression) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == '.' && depth == 0) {
        if (i > start) {
          out.add(expression.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (start < expression.length()) {
      out.add(expression.substring(start));
    }
    return out;
  }
}
