package dev.taskcheck.fhirpath;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of a FHIR instance as FHIRPath sees it: the caller's typed view of its parse tree.
 *
 * <p>What an implementation must provide:
 *
 * <ul>
 *   <li>Choice elements are resolved: the JSON {@code valueQuantity} or XML {@code <valueQuantity>}
 *       is a child named {@code value} whose {@link #typeName()} is {@code Quantity}.
 *   <li>Primitive extensions are merged: the JSON {@code _status} (its {@code id} and {@code
 *       extension}) are children of the {@code status} node, item by item for repeating primitives;
 *       a primitive with only an extension has a null {@link #primitiveValue()} and its {@code
 *       extension} children. JSON {@code null} placeholders without an extension are not nodes.
 *   <li>Resources inside resources ({@code contained}, {@code Bundle.entry.resource}, {@code
 *       Parameters.parameter.resource}, ...) are nodes named by their element ({@code contained},
 *       {@code resource}) whose {@link #typeName()} is the resource type and {@link #isResource()}
 *       is true.
 *   <li>An {@code xhtml} div carries its markup (or, where the caller has dropped it, any non-null
 *       text) as its primitive value, so that {@code hasValue()} holds for it.
 * </ul>
 *
 * <p>The evaluator calls these methods on hot paths: they should not allocate (return stored
 * lists), and the lists must not change after they are returned. Implementations must be safe to
 * read from several threads if expressions are evaluated concurrently on the same tree.
 */
public interface FhirNode {

  /** The element name ({@code status}, {@code value}; the resource type for a root resource). */
  String name();

  /**
   * The FHIR type of this element, as the model names it: a resource type ({@code Task}), a complex
   * type ({@code CodeableConcept}, {@code Quantity}, {@code Age}), a primitive type ({@code code},
   * {@code dateTime}, {@code xhtml}) or {@code BackboneElement} (also for {@code Element}-typed
   * nested elements such as {@code Extension.extension} holders).
   */
  String typeName();

  /**
   * The lexical value of a primitive as written ({@code "1.50"}, {@code "2024-01-10"}), or null.
   */
  @Nullable String primitiveValue();

  /**
   * Whether this node is a resource (a document root, a contained resource, a Bundle entry's
   * resource).
   */
  boolean isResource();

  /**
   * All children in document order: elements, and {@code id} and {@code extension} of primitives.
   */
  List<? extends FhirNode> children();

  /**
   * The children named {@code name} (choice elements by their base name), in order; an empty list
   * if none.
   */
  List<? extends FhirNode> children(String name);

  /**
   * Whether this node, or a node below it, has a value. {@code exists()} and {@code empty()} count
   * only such nodes, as the HL7 FHIRPath engine does: an element whose only content the JSON parser
   * did not read is in the tree, but does not exist to them (docs/engines/reference-behaviour.md
   * §5). The default, true, suits trees that hold no such elements.
   */
  default boolean hasContent() {
    return true;
  }
}
