package dev.taskcheck.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which {@code <igs>} entries are Maven coordinates (resolved by Maven) and which pass unchanged.
 */
class IgArtifactsTest {

  @Test
  void coordinatesHaveThreeToFiveParts() {
    assertThat(IgArtifacts.isCoordinates("org.example:my-ig:1.0.0")).isTrue();
    assertThat(IgArtifacts.isCoordinates("org.example:my-ig:tgz:1.0.0")).isTrue();
    assertThat(IgArtifacts.isCoordinates("org.example:my-ig:jar:fhir:1.0.0-SNAPSHOT")).isTrue();
  }

  @Test
  void pathsAndPackageNamesAreNotCoordinates() {
    assertThat(IgArtifacts.isCoordinates("hl7.fhir.us.core#6.1.0")).isFalse();
    assertThat(IgArtifacts.isCoordinates("src/fhir/my-ig.tgz")).isFalse();
    assertThat(IgArtifacts.isCoordinates("C:\\fhir\\my-ig")).isFalse();
    assertThat(IgArtifacts.isCoordinates("C:/fhir/a:b")).isFalse();
    assertThat(IgArtifacts.isCoordinates("org.example:my-ig")).isFalse();
    assertThat(IgArtifacts.isCoordinates("a:b:c:d:e:f")).isFalse();
  }
}
