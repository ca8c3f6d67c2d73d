package dev.taskcheck.engine;

import dev.taskcheck.fhir.FhirElement;
import dev.taskcheck.fhir.NamedSearch;
import dev.taskcheck.parse.Node;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The parse tree seen as {@link FhirElement}s, so the rules read it without depending on the
 * parser.
 */
final class NodeElement implements FhirElement {

  private final Node node;
  private @Nullable List<NodeElement> children;

  /** The wrappers of the children made so far, by index; null until one is asked for. */
  private NodeElement @Nullable [] wrappers;

  NodeElement(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return node.name();
  }

  @Override
  public @Nullable String value() {
    return node.value();
  }

  @Override
  public List<NodeElement> children() {
    List<NodeElement> c = children;
    if (c == null) {
      c = new Children();
      children = c;
    }
    return c;
  }

  /** The children as a list whose wrappers are made as they are read. */
  private final class Children extends AbstractList<NodeElement> implements RandomAccess {
    @Override
    public NodeElement get(int index) {
      return wrapped(index);
    }

    @Override
    public int size() {
      return node.children().size();
    }
  }

  /**
   * The wrapper of the node's child at {@code index}, made once: a rule that reads one child (the
   * status of a Task) wraps that one, not all of them.
   */
  private NodeElement wrapped(int index) {
    NodeElement[] w = wrappers;
    if (w == null) {
      w = new NodeElement[node.children().size()];
      wrappers = w;
    }
    NodeElement e = w[index];
    if (e == null) {
      e = new NodeElement(node.children().get(index));
      w[index] = e;
    }
    return e;
  }

  // the lookups below read the node's children by index: the rules make dozens per Task, and the
  // interface's defaults iterate over the wrappers

  @Override
  public @Nullable FhirElement child(String name) {
    List<Node> nodes = node.children();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        return wrapped(i);
      }
    }
    return null;
  }

  @Override
  public List<FhirElement> children(String name) {
    List<Node> nodes = node.children();
    List<FhirElement> out = null;
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(wrapped(i));
      }
    }
    return out == null ? List.of() : out;
  }

  @Override
  public @Nullable String childValue(String name) {
    String v = node.childValue(name);
    return v == null || v.isBlank() ? null : v;
  }

  /** {@link FhirElement#findNamed} over the nodes: no element is made for the nodes passed. */
  @Override
  public void findNamed(Set<String> names, Set<String> notHere, Consumer<int[]> found) {
    // the children and values are those of the elements: NodeElement adds nothing to either
    new NamedSearch<Node>(Node::children, Node::name, Node::value, names, notHere, found).run(node);
  }
}
