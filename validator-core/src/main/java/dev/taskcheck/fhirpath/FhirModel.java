package dev.taskcheck.fhirpath;

import org.jspecify.annotations.Nullable;

/**
 * The FHIR type hierarchy of one FHIR release, as {@code is}, {@code as}, {@code ofType()} and
 * {@code type()} need it. Implementations must be immutable (they are shared by compiled
 * expressions across threads).
 *
 * <p>The base of every type follows the StructureDefinitions' {@code baseDefinition}: {@code Task
 * -> DomainResource -> Resource}, {@code Bundle -> Resource}, {@code Age -> Quantity -> Element}
 * ({@code SimpleQuantity}, {@code MoneyQuantity}, {@code Duration}, {@code Distance}, {@code Count}
 * the same), {@code code -> string -> Element}, {@code positiveInt -> integer}, {@code url -> uri},
 * {@code BackboneElement -> Element}; {@code Element} and {@code Resource} have no base (or {@code
 * Base}).
 */
public interface FhirModel {

  /** The base type of a FHIR type, or null at a root of the hierarchy or for an unknown name. */
  @Nullable String baseType(String type);

  /**
   * Whether the FHIR namespace of this model has a type of this name ({@code Patient}, {@code
   * string}).
   */
  boolean isType(String type);

  /** True when {@code type} is {@code ancestor} or derives from it. */
  default boolean isSubtype(String type, String ancestor) {
    @Nullable String t = type;
    for (int depth = 0; t != null && depth < 32; depth++) {
      if (t.equals(ancestor)) {
        return true;
      }
      t = baseType(t);
    }
    return false;
  }
}
