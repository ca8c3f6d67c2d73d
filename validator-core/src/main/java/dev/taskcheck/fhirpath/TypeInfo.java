package dev.taskcheck.fhirpath;

/**
 * What {@code type()} returns: a type's namespace ({@code System} or {@code FHIR}) and name;
 * FHIRPath reaches them as {@code .namespace} and {@code .name}.
 */
public record TypeInfo(String namespace, String name) {

  static final String SYSTEM = "System";
  static final String FHIR = "FHIR";

  @Override
  public String toString() {
    return namespace + "." + name;
  }
}
