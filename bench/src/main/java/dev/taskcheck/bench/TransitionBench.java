// Measures TaskCheck.checkTransition, the call a server runs on every update of a Task, after
// warm-up:
// microseconds per call for JSON strings and for HAPI model objects, against validating the new
// version
// in full (structure, profile, rules) in the same run, as the baseline.
//
//   ./mvnw -q -DskipTests package && bench/transition-check.sh
//
// Built by the bench module; run with the CLI jar on the class path (see transition-check.sh).
package dev.taskcheck.bench;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import java.time.Instant;
import java.util.List;

public class TransitionBench {

  static String task(String version, String status, String lastModified, int sessions) {
    return "{\"resourceType\":\"Task\",\"id\":\"physio-1\",\"meta\":{\"versionId\":\""
        + version
        + "\"},"
        + "\"status\":\""
        + status
        + "\",\"intent\":\"order\",\"authoredOn\":\"2025-01-01T09:00:00Z\","
        + "\"lastModified\":\""
        + lastModified
        + "\",\"for\":{\"reference\":\"Patient/p1\"},"
        + "\"owner\":{\"reference\":\"Organization/o1\"},"
        + "\"executionPeriod\":{\"start\":\"2025-01-02T09:00:00Z\"},"
        + "\"businessStatus\":{\"text\":\"Sessions booked\"},"
        + "\"output\":[{\"type\":{\"coding\":[{\"system\":\"http://example.org/output-types\",\"code\":\"sessions\"}]},"
        + "\"valueRatio\":{\"numerator\":{\"value\":"
        + sessions
        + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"1\"},"
        + "\"denominator\":{\"value\":10,\"system\":\"http://unitsofmeasure.org\",\"code\":\"1\"}}}]}";
  }

  public static void main(String[] args) {
    long calls = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    TaskCheck tc =
        TaskCheck.builder()
            .fhirVersion(FhirRelease.R4)
            .now(Instant.parse("2025-06-01T00:00:00Z"))
            .threads(1)
            .build();
    List<String[]> pairs =
        List.of(
            new String[] {
              task("1", "ready", "2025-01-01T10:00:00Z", 0),
              task("2", "in-progress", "2025-01-02T09:00:00Z", 1)
            },
            new String[] {
              task("2", "in-progress", "2025-01-02T09:00:00Z", 4),
              task("3", "in-progress", "2025-01-03T09:00:00Z", 3)
            },
            new String[] {
              task("3", "in-progress", "2025-01-03T09:00:00Z", 5),
              task("4", "requested", "2025-01-04T09:00:00Z", 5)
            });
    var ctx = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser();
    List<org.hl7.fhir.r4.model.Task[]> models =
        pairs.stream()
            .map(
                p ->
                    new org.hl7.fhir.r4.model.Task[] {
                      ctx.parseResource(org.hl7.fhir.r4.model.Task.class, p[0]),
                      ctx.parseResource(org.hl7.fhir.r4.model.Task.class, p[1])
                    })
            .toList();

    long findings = 0;
    for (int i = 0; i < 50_000; i++) { // warm-up
      String[] p = pairs.get(i % 3);
      findings += tc.checkTransition(p[0], p[1]).size();
      org.hl7.fhir.r4.model.Task[] m = models.get(i % 3);
      findings += dev.taskcheck.hapi.HapiTasks.checkTransition(tc, m[0], m[1]).size();
    }
    long t0 = System.nanoTime();
    for (long i = 0; i < calls; i++) {
      String[] p = pairs.get((int) (i % 3));
      findings += tc.checkTransition(p[0], p[1]).size();
    }
    double jsonMicros = (System.nanoTime() - t0) / 1000.0 / calls;
    long hapiCalls = calls / 4;
    t0 = System.nanoTime();
    for (long i = 0; i < hapiCalls; i++) {
      org.hl7.fhir.r4.model.Task[] m = models.get((int) (i % 3));
      findings += dev.taskcheck.hapi.HapiTasks.checkTransition(tc, m[0], m[1]).size();
    }
    double hapiMicros = (System.nanoTime() - t0) / 1000.0 / hapiCalls;

    // baseline: validating the new version in full, as a server would without the pair call
    for (int i = 0; i < 300; i++) {
      findings += tc.validateText(pairs.get(i % 3)[1], "after.json").size();
    }
    int full = 1000;
    t0 = System.nanoTime();
    for (int i = 0; i < full; i++) {
      findings += tc.validateText(pairs.get(i % 3)[1], "after.json").size();
    }
    double fullMicros = (System.nanoTime() - t0) / 1000.0 / full;

    System.out.printf(
        "checkTransition, JSON strings : %8.1f us/call (%d calls)%n", jsonMicros, calls);
    System.out.printf(
        "checkTransition, HAPI objects : %8.1f us/call (%d calls)%n", hapiMicros, hapiCalls);
    System.out.printf(
        "baseline, full validation of the new version: %8.1f us/call (%d calls)%n",
        fullMicros, full);
    System.out.printf(
        "ratio: the pair check is %.0fx cheaper than validating the new version (JSON)%n",
        fullMicros / jsonMicros);
    System.out.println("(findings counted: " + findings + ")");
  }
}
