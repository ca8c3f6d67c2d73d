package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level elements of Task in each release (from the core StructureDefinitions; a test keeps
 * this table equal to them). Elements that exist in only one release tell which release a Task was
 * written for.
 */
public final class TaskElements {

  private static final List<String> V1_4_0 =
      List.of(
          "id",
          "meta",
          "implicitRules",
          "language",
          "text",
          "contained",
          "extension",
          "modifierExtension",
          "identifier",
          "type",
          "description",
          "performerType",
          "priority",
          "status",
          "failureReason",
          "subject",
          "for",
          "definition",
          "created",
          "lastModified",
          "creator",
          "owner",
          "parent",
          "input",
          "output");

  private static final List<String> STU3 =
      List.of(
          "id",
          "meta",
          "implicitRules",
          "language",
          "text",
          "contained",
          "extension",
          "modifierExtension",
          "identifier",
          "definition",
          "basedOn",
          "groupIdentifier",
          "partOf",
          "status",
          "statusReason",
          "businessStatus",
          "intent",
          "priority",
          "code",
          "description",
          "focus",
          "for",
          "context",
          "executionPeriod",
          "authoredOn",
          "lastModified",
          "requester",
          "performerType",
          "owner",
          "reason",
          "note",
          "relevantHistory",
          "restriction",
          "input",
          "output");

  private static final List<String> R4 =
      List.of(
          "id",
          "meta",
          "implicitRules",
          "language",
          "text",
          "contained",
          "extension",
          "modifierExtension",
          "identifier",
          "instantiatesCanonical",
          "instantiatesUri",
          "basedOn",
          "groupIdentifier",
          "partOf",
          "status",
          "statusReason",
          "businessStatus",
          "intent",
          "priority",
          "code",
          "description",
          "focus",
          "for",
          "encounter",
          "executionPeriod",
          "authoredOn",
          "lastModified",
          "requester",
          "performerType",
          "owner",
          "location",
          "reasonCode",
          "reasonReference",
          "insurance",
          "note",
          "relevantHistory",
          "restriction",
          "input",
          "output");

  private static final List<String> R5 =
      List.of(
          "id",
          "meta",
          "implicitRules",
          "language",
          "text",
          "contained",
          "extension",
          "modifierExtension",
          "identifier",
          "instantiatesCanonical",
          "instantiatesUri",
          "basedOn",
          "groupIdentifier",
          "partOf",
          "status",
          "statusReason",
          "businessStatus",
          "intent",
          "priority",
          "doNotPerform",
          "code",
          "description",
          "focus",
          "for",
          "encounter",
          "requestedPeriod",
          "executionPeriod",
          "authoredOn",
          "lastModified",
          "requester",
          "requestedPerformer",
          "owner",
          "performer",
          "location",
          "reason",
          "insurance",
          "note",
          "relevantHistory",
          "restriction",
          "input",
          "output");

  private TaskElements() {}

  /**
   * The top-level element names of Task in {@code release}, in definition order; a choice element
   * without its {@code [x]} ({@code definition} in STU3, written {@code definitionUri} or {@code
   * definitionReference}).
   */
  public static List<String> of(FhirRelease release) {
    return switch (release) {
      case V1_4_0 -> V1_4_0;
      case STU3 -> STU3;
      case R4, R4B -> R4;
      case R5 -> R5;
    };
  }

  /** Elements of Task in {@code release} that Task does not have in {@code other}. */
  public static Set<String> onlyIn(FhirRelease release, FhirRelease other) {
    Set<String> out = new LinkedHashSet<>(of(release));
    out.removeAll(of(other));
    return out;
  }
}
