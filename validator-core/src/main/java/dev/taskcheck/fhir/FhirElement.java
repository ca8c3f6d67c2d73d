package dev.taskcheck.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One element of a FHIR resource as the rules see it, whatever it was parsed from: a name, a
 * primitive value or children. A repeating element appears as several children with the same name
 * (as in XML); a JSON primitive's extension sibling ({@code _status}) keeps its underscore name.
 * The engine adapts its parse tree to this interface, so {@code fhir} and the rules never depend on
 * a parser.
 */
public interface FhirElement {

  String name();

  /** The primitive value as written, or null for a complex element. */
  @Nullable String value();

  List<? extends FhirElement> children();

  /** The first child called {@code name}, or null. */
  default @Nullable FhirElement child(String name) {
    for (FhirElement c : children()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** Every child called {@code name}, in document order. */
  default List<FhirElement> children(String name) {
    List<FhirElement> out = new ArrayList<>();
    for (FhirElement c : children()) {
      if (c.name().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The value of the first child called {@code name}, or null when absent or blank. */
  default @Nullable String childValue(String name) {
    FhirElement c = child(name);
    String v = c == null ? null : c.value();
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * Gives {@code found} the way to each element below this one whose name is one of {@code names}:
   * its position among this element's children, then among the children of each element on the way
   * down, in document order. The search goes below neither an element it finds, nor an element with
   * a value, nor a {@code _x} partner, nor a child of this element named in {@code notHere}. This
   * default walks {@link #children()}; an adapter of a parse tree may walk the tree without making
   * an element of each node.
   */
  default void findNamed(Set<String> names, Set<String> notHere, Consumer<int[]> found) {
    new NamedSearch<FhirElement>(
            FhirElement::children, FhirElement::name, FhirElement::value, names, notHere, found)
        .run(this);
  }
}
