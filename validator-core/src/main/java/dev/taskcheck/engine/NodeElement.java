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
}
