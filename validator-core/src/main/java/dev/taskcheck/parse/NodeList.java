package dev.taskcheck.parse;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A node's children, immutable. One final class for every node, where {@code List.copyOf} gives two
 * (one for one or two elements, another for the rest): the engines walk children by index in their
 * hottest loops, and a call to {@code get} that sees one class is inlined, where one that sees
 * several is a dispatch through the interface on every element.
 */
final class NodeList extends AbstractList<Node> implements RandomAccess {

  static final NodeList EMPTY = new NodeList(new Node[0]);

  private final Node[] nodes;

  private NodeList(Node[] nodes) {
    this.nodes = nodes;
  }

  static NodeList of(List<Node> list) {
    if (list instanceof NodeList n) {
      return n;
    }
    if (list.isEmpty()) {
      return EMPTY;
    }
    Node[] nodes = list.toArray(new Node[0]);
    for (Node n : nodes) {
      Objects.requireNonNull(n);
    }
    return new NodeList(nodes);
  }

  /**
   * The nodes {@code from} (inclusive) to {@code to} (exclusive) of an array, which holds no null.
   */
  static NodeList copyOf(Node[] array, int from, int to) {
    return from == to ? EMPTY : new NodeList(Arrays.copyOfRange(array, from, to));
  }

  @Override
  public Node get(int index) {
    return nodes[index];
  }

  @Override
  public int size() {
    return nodes.length;
  }

  @Override
  public boolean isEmpty() {
    return nodes.length == 0;
  }
}
