package dev.taskcheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import dev.taskcheck.model.FhirRelease;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The static tables equal what HAPI's FHIR models say, release by release. */
class ResourceTypesTest {

  private static FhirContext context(FhirRelease release) {
    return switch (release) {
      case V1_4_0 -> FhirContext.forCached(ca.uhn.fhir.context.FhirVersionEnum.DSTU2_1);
      case STU3 -> FhirContext.forDstu3Cached();
      case R4 -> FhirContext.forR4Cached();
      case R4B -> FhirContext.forR4BCached();
      case R5 -> FhirContext.forR5Cached();
    };
  }

  @ParameterizedTest
  @EnumSource(FhirRelease.class)
  void resourceTypesMatchTheModel(FhirRelease release) {
    assertThat(ResourceTypes.of(release))
        .containsExactlyInAnyOrderElementsOf(context(release).getResourceTypes());
    assertThat(ResourceTypes.isKnown("Task")).isTrue();
    assertThat(ResourceTypes.isKnown("Tusk")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(FhirRelease.class)
  void taskElementsMatchTheModel(FhirRelease release) {
    List<String> names =
        context(release).getResourceDefinition("Task").getChildren().stream()
            .map(BaseRuntimeChildDefinition::getElementName)
            .toList();
    assertThat(TaskElements.of(release)).containsExactlyElementsOf(names);
  }
}
