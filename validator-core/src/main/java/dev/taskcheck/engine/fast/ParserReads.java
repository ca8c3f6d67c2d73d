package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the reference engine's JSON parser does not read (reference-behaviour.md §5): shared by the
 * walker, which reports it, and by the typed view and the checks that read the tree, which must not
 * see it.
 */
final class ParserReads {

  private ParserReads() {}

  /** A single element written as an array: reported, and no value is read. */
  static boolean singleAsArray(ElementDef def, List<Node> values) {
    return def.max() <= 1 && !values.isEmpty() && values.get(0).inArray();
  }

  /**
   * A {@code _name} partner of a single element that is not an object ({@code null}, a string, an
   * array): reported, and the element is dropped with it.
   */
  static boolean droppingPartner(ElementDef def, List<Node> partners) {
    return def.max() <= 1 && !partners.isEmpty() && dropping(partners.get(0));
  }

  private static boolean dropping(Node partner) {
    return partner.kind() != Node.Kind.OBJECT || partner.inArray();
  }

  /**
   * A {@code _name} array longer than its values: the reference engine hides it from HL7 core,
   * which throws on it ({@code ShadowArrays}).
   */
  static boolean longerPartners(List<Node> values, List<Node> partners) {
    return !values.isEmpty()
        && partners.size() > values.size()
        && values.get(0).inArray()
        && partners.get(0).inArray();
  }

  /**
   * The text of a JSON string, number or boolean (the parser keeps a wrong one of these as text,
   * after reporting it), or null for anything else.
   */
  static @Nullable String scalar(@Nullable Node n) {
    if (n == null) {
      return null;
    }
    return switch (n.kind()) {
      case STRING, NUMBER, BOOLEAN -> n.value();
      default -> null;
    };
  }

  /** The element a {@code _name} property is the partner of, or null for any other name. */
  static @Nullable String partnerOf(String property) {
    return property.length() > 1 && property.charAt(0) == '_' ? property.substring(1) : null;
  }

  /** A single-valued child, or null when it is absent or written as an array (then no value). */
  static @Nullable Node single(Node parent, String name) {
    Node c = parent.child(name);
    return c == null || c.inArray() ? null : c;
  }

  /**
   * A single-valued primitive child as the parser keeps it: null when absent, written as an array,
   * or beside a {@code _name} that is not an object, {@code []} included (then the parser drops
   * it).
   */
  static @Nullable Node primitive(Node parent, String name) {
    Node c = single(parent, name);
    if (c == null) {
      return null;
    }
    Node partner = partner(parent, name);
    if (partner != null ? dropping(partner) : emptyPartner(parent, name)) {
      return null;
    }
    return c;
  }

  /**
   * The first child called {@code _name}, as {@code parent.child("_" + name)} finds it, without
   * making that string (asked for every primitive an invariant reads).
   */
  static @Nullable Node partner(Node parent, String name) {
    List<Node> children = parent.children();
    for (int i = 0; i < children.size(); i++) {
      String n = children.get(i).name();
      if (n.length() == name.length() + 1 && n.charAt(0) == '_' && n.startsWith(name, 1)) {
        return children.get(i);
      }
    }
    return null;
  }

  /** Whether an object has {@code "_name": []} (no node: a note of the parser's). */
  static boolean emptyPartner(Node object, String name) {
    List<String> empty = object.notes().emptyArrays();
    return !empty.isEmpty() && empty.contains("_" + name);
  }

  /**
   * Whether a child is a later occurrence of a property written twice in one object (its items
   * too): the parser reads only the first and reports the others.
   */
  private static boolean laterOccurrence(List<Node> children, int index) {
    Node n = children.get(index);
    for (int i = 0; i < index; i++) {
      Node c = children.get(i);
      if (c.name().equals(n.name())
          && (c.memberLine() != n.memberLine() || c.memberColumn() != n.memberColumn())) {
        return true;
      }
    }
    return false;
  }

  /**
   * An object's children as the parser reads them: later occurrences of a repeated key left out.
   */
  static List<Node> read(Node object) {
    List<Node> children = object.children();
    if (object.notes().duplicateKeys().isEmpty()) {
      return children;
    }
    List<Node> out = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      if (!object.notes().duplicateKeys().contains(children.get(i).name())
          || !laterOccurrence(children, i)) {
        out.add(children.get(i));
      }
    }
    return out;
  }
}
