package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.source.ResourceLocator;
import org.junit.jupiter.api.Test;

class ReleaseDetectorTest {

  private static ReleaseChoice detect(String json) {
    ParsedDocument doc = (ParsedDocument) DocumentParser.parseText(json, 1);
    return ReleaseDetector.detect(
        ResourceLocator.resources(doc).stream()
            .filter(r -> r.resourceType().equals("Task"))
            .toList());
  }

  @Test
  void r5OnlyElementsMeanR5() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"status\":\"draft\",\"requestedPerformer\":[{\"text\":\"x\"}]}");
    assertThat(c.release()).isEqualTo(FhirRelease.R5);
    assertThat(c.reason()).contains("Task.requestedPerformer").contains("only in R5");
  }

  @Test
  void r4OnlyElementsMeanR4() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"performerType\":[{\"text\":\"x\"}],\"reasonCode\":{}}");
    assertThat(c.release()).isEqualTo(FhirRelease.R4);
    assertThat(c.reason()).contains("Task.performerType").contains("Task.reasonCode");
  }

  @Test
  void statusReasonShapeTellsTheRelease() {
    assertThat(
            detect("{\"resourceType\":\"Task\",\"statusReason\":{\"concept\":{\"text\":\"x\"}}}")
                .release())
        .isEqualTo(FhirRelease.R5);
    assertThat(detect("{\"resourceType\":\"Task\",\"statusReason\":{\"text\":\"x\"}}").release())
        .isEqualTo(FhirRelease.R4);
  }

  @Test
  void aVersionedCoreProfileWins() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"meta\":{\"profile\":"
                + "[\"http://hl7.org/fhir/StructureDefinition/Task|4.3.0\"]},\"requestedPerformer\":[{\"text\":\"x\"}]}");
    assertThat(c.release()).isEqualTo(FhirRelease.R4B);
    assertThat(c.reason()).contains("meta.profile");
  }

  @Test
  void anIgProfileVersionIsNotAFhirVersion() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"meta\":{\"profile\":"
                + "[\"http://hl7.org/fhir/us/core/StructureDefinition/x|5.0.0\"]}}");
    assertThat(c.release()).isEqualTo(FhirRelease.R4);
  }

  @Test
  void nothingVersionSpecificFallsBackToR4() {
    ReleaseChoice c = detect("{\"resourceType\":\"Task\",\"status\":\"draft\"}");
    assertThat(c.release()).isEqualTo(FhirRelease.R4);
    assertThat(c.reason()).contains("default");
  }

  @Test
  void conflictingEvidenceIsExplained() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"performerType\":[{\"text\":\"x\"}],\"reason\":[{\"concept\":{\"text\":\"x\"}}],\"doNotPerform\":true}");
    assertThat(c.release()).isEqualTo(FhirRelease.R5);
    assertThat(c.reason()).startsWith("conflicting content");
  }

  @Test
  void tasksInABundleDecideForTheBundle() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}},"
                + "{\"resource\":{\"resourceType\":\"Task\",\"doNotPerform\":false}}]}");
    assertThat(c.release()).isEqualTo(FhirRelease.R5);
  }

  @Test
  void stu3ElementsMeanStu3() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"context\":{\"reference\":\"Encounter/e\"},"
                + "\"requester\":{\"agent\":{\"reference\":\"Practitioner/p\"}},"
                + "\"reason\":{\"text\":\"x\"}}");
    assertThat(c.release()).isEqualTo(FhirRelease.STU3);
    assertThat(c.reason())
        .isEqualTo(
            "elements Task.context, Task.requester.agent, Task.reason.coding exist only in STU3");
    assertThat(detect("{\"resourceType\":\"Task\",\"definitionUri\":\"http://x\"}").release())
        .isEqualTo(FhirRelease.STU3);
  }

  @Test
  void aVersionedStu3ProfileMeansStu3() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"meta\":{\"profile\":"
                + "[\"http://hl7.org/fhir/StructureDefinition/Task|3.0.2\"]}}");
    assertThat(c.release()).isEqualTo(FhirRelease.STU3);
    assertThat(c.reason()).contains("3.0.2");
  }

  @Test
  void stu3EvidenceAgainstMoreLaterElementsIsExplained() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"context\":{\"reference\":\"Encounter/e\"},"
                + "\"encounter\":{\"reference\":\"Encounter/e\"},"
                + "\"instantiatesUri\":\"http://x\",\"requestedPerformer\":[{\"text\":\"x\"}]}");
    assertThat(c.release()).isEqualTo(FhirRelease.R5);
    assertThat(c.reason())
        .isEqualTo(
            "conflicting content: element Task.context exists only in STU3, but elements"
                + " Task.encounter, Task.instantiatesUri, Task.requestedPerformer do not exist in"
                + " STU3; chose R5 (element Task.requestedPerformer exists only in R5)");
  }

  @Test
  void aLaterRequesterOrReasonIsNotStu3() {
    assertThat(
            detect(
                    "{\"resourceType\":\"Task\",\"requester\":{\"reference\":\"Practitioner/p\"},"
                        + "\"reason\":[{\"concept\":{\"text\":\"x\"}}]}")
                .release())
        .isEqualTo(FhirRelease.R5);
    assertThat(
            detect("{\"resourceType\":\"Task\",\"requester\":{\"reference\":\"Practitioner/p\"}}")
                .release())
        .isEqualTo(FhirRelease.R4);
  }

  @Test
  void aFhir140TaskIsDetectedByItsOwnElements() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"status\":\"completed\",\"created\":\"2016-05-01\","
                + "\"creator\":{\"reference\":\"Practitioner/p\"},\"failureReason\":{\"text\":\"x\"}}");
    assertThat(c.release()).isEqualTo(FhirRelease.V1_4_0);
    assertThat(c.reason())
        .isEqualTo(
            "elements Task.created, Task.creator, Task.failureReason exist only in FHIR 1.4.0");
  }

  @Test
  void moreElementsOfLaterReleasesOutweighThe140Ones() {
    // created is 1.4.0's, but intent, authoredOn and requester and the status code are not
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"status\":\"cancelled\",\"intent\":\"order\","
                + "\"authoredOn\":\"2024-01-01\",\"created\":\"2024-01-01\"}");
    assertThat(c.release()).isEqualTo(FhirRelease.R4);
    assertThat(c.reason())
        .isEqualTo(
            "conflicting content: element Task.created exists only in FHIR 1.4.0, but elements"
                + " status code cancelled, Task.intent, Task.authoredOn do not exist in FHIR 1.4.0;"
                + " chose R4 (no version-specific content; R4 is the default)");
  }

  @Test
  void aVersioned140CoreProfileNamesIt() {
    ReleaseChoice c =
        detect(
            "{\"resourceType\":\"Task\",\"meta\":{\"profile\":"
                + "[\"http://hl7.org/fhir/StructureDefinition/Task|1.4.0\"]},\"status\":\"draft\"}");
    assertThat(c.release()).isEqualTo(FhirRelease.V1_4_0);
  }
}
