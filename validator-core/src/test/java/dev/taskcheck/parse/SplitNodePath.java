package dev.taskcheck.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link NodePath#position} as it was written before it read the steps in place: the expression
 * split into a list of step strings, then resolved step by step. Kept as the oracle of {@link
 * NodePathTest#readsStepsInPlaceAsTheSplitFormDid}.
 */
final class SplitNodePath {

  private SplitNodePath() {}

  static int[] position(Node root, String expression) {
    List<String> steps = split(NodePath.stripComments(expression));
    Node n = resolve(root, steps);
    String last = steps.isEmpty() ? "" : steps.get(steps.size() - 1);
    return last.endsWith("]")
        ? new int[] {n.line(), n.column()}
        : new int[] {n.memberLine(), n.memberColumn()};
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
      List<Node> named = current.children(name);
      if (index >= 0 && index < named.size()) {
        parent = current;
        current = named.get(index);
        continue;
      }
      if (!named.isEmpty()) {
        return current;
      }
      List<Node> candidates =
          NodePath.choiceCandidates(current, name, s + 1 < steps.size() ? steps.get(s + 1) : null);
      if (candidates.isEmpty()) {
        candidates = current.children("_" + name);
      }
      if (candidates.isEmpty() && parent != null && current.value() != null) {
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

  private static List<String> split(String expression) {
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
