package dev.taskcheck.engine;

import dev.taskcheck.fhir.FhirElement;
import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parse tree seen as {@link FhirElement}s, so the rules read it without depending on the
 * parser.
 */
final class NodeElement implements FhirElement {

  private final Node node;
  private @Nullable List<NodeElement> children;

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
      List<NodeElement> built = new ArrayList<>(node.children().size());
      List<Node> nodes = node.children();
      for (int i = 0; i < nodes.size(); i++) {
        built.add(new NodeElement(nodes.get(i)));
      }
      c = Collections.unmodifiableList(built);
      children = c;
    }
    return c;
  }

  // the lookups below read the node's children by index: the rules make dozens per Task, and the
  // interface's defaults iterate over the wrappers

  @Override
  public @Nullable FhirElement child(String name) {
    List<Node> nodes = node.children();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        return children().get(i);
      }
    }
    return null;
  }

  @Override
  public List<FhirElement> children(String name) {
    List<Node> nodes = node.children();
    List<FhirElement> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        out.add(children().get(i));
      }
    }
    return out;
  }

  @Override
  public @Nullable String childValue(String name) {
    String v = node.childValue(name);
    return v == null || v.isBlank() ? null : v;
  }
}
