package dev.taskcheck.plan;

import java.util.List;

/**
 * One allowed type of an element ({@code ElementDefinition.type}).
 *
 * @param code the type: a FHIR type name ({@code Reference}, {@code string}) or, for the value of a
 *     primitive, a FHIRPath system type ({@code http://hl7.org/fhirpath/System.String})
 * @param profiles the profiles the value must conform to ({@code type.profile})
 * @param targetProfiles for Reference and canonical: the resources the target may be ({@code
 *     type.targetProfile})
 */
public record TypeRef(String code, List<String> profiles, List<String> targetProfiles) {

  public TypeRef {
    profiles = List.copyOf(profiles);
    targetProfiles = List.copyOf(targetProfiles);
  }

  public static TypeRef of(String code) {
    return new TypeRef(code, List.of(), List.of());
  }
}
