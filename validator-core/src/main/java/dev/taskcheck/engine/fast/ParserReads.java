package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
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

  /** {@code "_name": null} beside a single element: reported, and the element is dropped. */
  static boolean nullPartner(ElementDef def, List<Node> partners) {
    return def.max() <= 1
        && !partners.isEmpty()
        && partners.get(0).kind() == Node.Kind.NULL
        && !partners.get(0).inArray();
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

  /** A single-valued child, or null when it is absent or written as an array (then no value). */
  static @Nullable Node single(Node parent, String name) {
    Node c = parent.child(name);
    return c == null || c.inArray() ? null : c;
  }

  /**
   * A single-valued primitive child as the parser keeps it: null when absent, written as an array,
   * or beside {@code "_name": null} (then the parser drops it).
   */
  static @Nullable Node primitive(Node parent, String name) {
    Node c = single(parent, name);
    if (c == null) {
      return null;
    }
    Node partner = parent.child("_" + name);
    return partner != null && partner.kind() == Node.Kind.NULL && !partner.inArray() ? null : c;
  }
}
