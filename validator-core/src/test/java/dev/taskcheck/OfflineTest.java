package dev.taskcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * No validation touches the network. {@link NetworkGuard} is installed before the first test of
 * this JVM and fails any connection attempt; this test proves the guard works, validates everything
 * the test data holds (all releases, XML with remote entities, profiles that cannot be resolved),
 * and finds no attempt.
 */
class OfflineTest {

  @Test
  @SuppressWarnings("AddressSelection") // a connection by host name is what the guard must stop
  void theGuardIsInstalledAndTrips() {
    assertThat(NetworkGuard.installed()).isTrue();
    int before = NetworkGuard.attempts().size();
    assertThatThrownBy(
            () -> new URI("http://tx.fhir.org/r4/metadata").toURL().openConnection().connect())
        .isInstanceOf(NetworkGuard.NetworkAttempt.class);
    assertThatThrownBy(() -> new Socket("example.org", 80))
        .isInstanceOf(NetworkGuard.NetworkAttempt.class);
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create("https://packages.fhir.org/hl7.fhir.r4.core"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding()))
        .satisfiesAnyOf(
            t -> assertThat(t).isInstanceOf(NetworkGuard.NetworkAttempt.class),
            t -> assertThat(t).hasRootCauseInstanceOf(NetworkGuard.NetworkAttempt.class));
    assertThat(NetworkGuard.attempts()).hasSize(before + 3);
  }

  @Test
  void validatingEverythingOpensNoConnection() {
    int before = NetworkGuard.attempts().size();
    ValidationRequest everything =
        ValidationRequest.builder()
            .input(TestData.path("corpus/spec-r4"))
            .input(TestData.path("corpus/spec-r5"))
            .input(TestData.path("samples"))
            .input(TestData.path("bad-input"))
            .input(TestData.path("fixtures/structure"))
            .input(TestData.path("corpus/gematik/2025-01-15"))
            .build();
    Report auto = TaskCheck.builder().build().validate(everything);
    Report r4b =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4B)
            .build()
            .validate(ValidationRequest.of(TestData.path("corpus/spec-r4b").toString()));
    assertThat(auto.summary().resources()).isGreaterThan(50);
    assertThat(auto.summary().releases()).containsKeys(FhirRelease.R4, FhirRelease.R5);
    assertThat(r4b.summary().resources()).isEqualTo(12);
    assertThat(NetworkGuard.attempts().subList(before, NetworkGuard.attempts().size())).isEmpty();
    assertThat(auto.results())
        .flatExtracting(Result::issues)
        .extracting(Issue::ruleId)
        .doesNotContain("internal-error");
  }
}
