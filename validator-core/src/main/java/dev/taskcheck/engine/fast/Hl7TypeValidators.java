package dev.taskcheck.engine.fast;

import java.util.Set;

/**
 * The resource types the reference engine checks with rules of their own beyond their definitions
 * (its Observation, Questionnaire, CodeSystem, ... validators): the fast engine sends documents
 * holding them to the reference engine.
 */
final class Hl7TypeValidators {

  static final Set<String> HAS_OWN_VALIDATOR =
      Set.of(
          "Bundle",
          "Observation",
          "Questionnaire",
          "QuestionnaireResponse",
          "Measure",
          "MeasureReport",
          "CapabilityStatement",
          "CodeSystem",
          "ConceptMap",
          "OperationDefinition",
          "SearchParameter",
          "StructureDefinition",
          "StructureMap",
          "ValueSet",
          "ViewDefinition",
          "ImplementationGuide",
          "ActivityDefinition",
          "PlanDefinition",
          "Library",
          "NamingSystem",
          "TerminologyCapabilities",
          "CompartmentDefinition",
          "GraphDefinition",
          "MessageDefinition",
          "EventDefinition",
          "ResearchDefinition",
          "ResearchElementDefinition",
          "EffectEvidenceSynthesis",
          "RiskEvidenceSynthesis",
          "Evidence",
          "EvidenceVariable",
          "ExampleScenario",
          "TestScript",
          "ChargeItemDefinition",
          "ObservationDefinition",
          "SpecimenDefinition",
          "Requirements",
          "ActorDefinition",
          "SubscriptionTopic",
          "TestPlan",
          "Citation",
          "EvidenceReport",
          "ConditionDefinition",
          "DeviceDefinition",
          "ClinicalUseDefinition",
          "CanonicalResource",
          "MetadataResource");

  private Hl7TypeValidators() {}
}
