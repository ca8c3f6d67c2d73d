package dev.taskcheck.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One element of a snapshot ({@code ElementDefinition}), with its children when they are defined
 * inline (the root, BackboneElements, and the elements a profile constrains inside a datatype).
 * Immutable.
 *
 * @param id the element id ({@code Task.input.value[x]}, {@code Task.extension:foo})
 * @param path the element path ({@code Task.input.value[x]})
 * @param min the minimum cardinality
 * @param max the maximum cardinality, {@link #UNBOUNDED} for {@code *}
 * @param types the allowed types; empty for the root and for an element defined by {@code
 *     contentReference}
 * @param contentReference the path of the element whose definition this one reuses ({@code
 *     Questionnaire.item}), or null
 * @param binding the terminology binding, or null
 * @param constraints the invariants evaluated on this element
 * @param fixed the {@code fixed[x]} value, or null
 * @param pattern the {@code pattern[x]} value, or null
 * @param modifier whether the element is a modifier ({@code isModifier})
 * @param representation how the element is represented in XML and JSON ({@code xmlAttr}, {@code
 *     xmlText}, {@code typeAttr}, {@code cdaText}, {@code xhtml}); empty for the usual form
 * @param sliceName the slice this element defines in a profile, or null
 * @param slicing the slicing declared on this element in a profile, or null
 * @param maxLength the maximum length of a string value, or 0 when none is set
 * @param minValue the minimum value ({@code minValue[x]}), or null
 * @param maxValue the maximum value ({@code maxValue[x]}), or null
 * @param children the elements defined inline below this one, in snapshot order
 */
public record ElementDef(
    String id,
    String path,
    int min,
    int max,
    List<TypeRef> types,
    @Nullable String contentReference,
    @Nullable Binding binding,
    List<Constraint> constraints,
    @Nullable FixedValue fixed,
    @Nullable FixedValue pattern,
    boolean modifier,
    List<String> representation,
    @Nullable String sliceName,
    @Nullable Slicing slicing,
    int maxLength,
    @Nullable FixedValue minValue,
    @Nullable FixedValue maxValue,
    List<ElementDef> children) {

  /** The maximum cardinality {@code *}. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public ElementDef {
    Objects.requireNonNull(id);
    Objects.requireNonNull(path);
    types = List.copyOf(types);
    constraints = List.copyOf(constraints);
    representation = List.copyOf(representation);
    children = List.copyOf(children);
  }

  /**
   * The element's name: the last step of its path, without {@code [x]} ({@code value} for {@code
   * value[x]}).
   */
  public String name() {
    String known = NAMES.get(path);
    if (known == null) {
      int dot = path.lastIndexOf('.');
      String last = dot < 0 ? path : path.substring(dot + 1);
      known = (last.endsWith("[x]") ? last.substring(0, last.length() - 3) : last).intern();
      NAMES.put(path, known);
    }
    return known;
  }

  /**
   * Each path's name, computed once: a record keeps no derived fields, and the walkers ask for
   * names of the same definitions for every document (one string, its hash computed once). Names
   * are interned, as the plan's strings and the JSON parser's property names are: a lookup by a
   * property name then finds its key by identity, without comparing characters.
   */
  private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

  /** Whether this is a choice element ({@code value[x]}). */
  public boolean isChoice() {
    return path.endsWith("[x]");
  }

  /** Whether the element may repeat. */
  public boolean repeats() {
    return max > 1;
  }

  /**
   * The type of a single-typed element ({@code Reference}), or null for a choice or an untyped
   * element.
   */
  public @Nullable String singleType() {
    return types.size() == 1 ? types.get(0).code() : null;
  }

  /**
   * The child with this name ({@code value} finds {@code value[x]}) that is not a slice, or null.
   */
  public @Nullable ElementDef child(String name) {
    for (ElementDef c : children) {
      if (c.sliceName == null && c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** This element with other children (used while building the tree). */
  ElementDef withChildren(List<ElementDef> newChildren) {
    return new ElementDef(
        id,
        path,
        min,
        max,
        types,
        contentReference,
        binding,
        constraints,
        fixed,
        pattern,
        modifier,
        representation,
        sliceName,
        slicing,
        maxLength,
        minValue,
        maxValue,
        newChildren);
  }

  /**
   * How a profile slices a repeating element ({@code ElementDefinition.slicing}).
   *
   * @param discriminators {@code type:path} pairs ({@code value:url})
   * @param ordered whether the slices must appear in order
   * @param rules {@code closed}, {@code open} or {@code openAtEnd}
   */
  public record Slicing(List<String> discriminators, boolean ordered, String rules) {

    public Slicing {
      discriminators = List.copyOf(discriminators);
    }
  }
}
