package dev.taskcheck.fhirpath;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A type specifier of {@code is}, {@code as} and {@code ofType()}, resolved when compiling: {@code
 * FHIR.x}, {@code System.X}, or an unqualified name looked up in the FHIR model first and the
 * System types second.
 */
final class TypeSpec {

  static final Set<String> SYSTEM_TYPES =
      Set.of(
          "Any",
          "Boolean",
          "String",
          "Integer",
          "Long",
          "Decimal",
          "Date",
          "DateTime",
          "Time",
          "Quantity");

  private final String namespace;
  private final String name;

  private TypeSpec(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /**
   * Resolves a (qualified) type name; null for an unqualified name neither namespace knows. A
   * qualified name a namespace does not know resolves to a type nothing is an instance of.
   */
  static @Nullable TypeSpec resolve(String qualified, FhirModel model) {
    int dot = qualified.indexOf('.');
    if (dot > 0) {
      String ns = qualified.substring(0, dot);
      String n = qualified.substring(dot + 1);
      if (ns.equals(TypeInfo.FHIR) || ns.equals(TypeInfo.SYSTEM)) {
        return new TypeSpec(ns, n);
      }
      return null;
    }
    if (model.isType(qualified)) {
      return new TypeSpec(TypeInfo.FHIR, qualified);
    }
    if (SYSTEM_TYPES.contains(qualified)) {
      return new TypeSpec(TypeInfo.SYSTEM, qualified);
    }
    return null;
  }

  /**
   * {@code is}: the item is of the type or a type derived from it ({@code code} is a {@code
   * string}).
   */
  boolean matches(Object item, FhirModel model) {
    if (item instanceof FhirNode node) {
      return namespace.equals(TypeInfo.FHIR) && model.isSubtype(node.typeName(), name);
    }
    return matchesSystem(item);
  }

  /**
   * {@code as} and {@code ofType()}: as {@link #matches}, except that a FHIR primitive is only of
   * its own type ({@code code} is not selected as a {@code string}), as the official test cases
   * expect and the HL7 validator does; complex types and resources still select their derived types
   * ({@code Age} as {@code Quantity}).
   */
  boolean selects(Object item, FhirModel model) {
    if (item instanceof FhirNode node) {
      if (!namespace.equals(TypeInfo.FHIR)) {
        return false;
      }
      if (node.primitiveValue() != null || Values.primitive(node.typeName(), model) != null) {
        return node.typeName().equals(name);
      }
      return model.isSubtype(node.typeName(), name);
    }
    return matchesSystem(item);
  }

  private boolean matchesSystem(Object item) {
    return namespace.equals(TypeInfo.SYSTEM)
        && (name.equals("Any") || Values.systemTypeName(item).equals(name));
  }

  @Override
  public String toString() {
    return namespace + "." + name;
  }
}
