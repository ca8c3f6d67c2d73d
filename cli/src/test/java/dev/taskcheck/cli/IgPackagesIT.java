package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ig} and {@code --profile} through the real jar (issue 16): the Data Sharing Framework
 * test packages as folders, as a {@code .tgz} and from a package cache named by {@code
 * FHIR_PACKAGE_CACHE}; a missing dependency is a setup error (exit 2).
 */
class IgPackagesIT {

  private static final Path PACKAGES = CliProcessSupport.testdata().resolve("ig-packages");
  private static final Path PING_PONG = PACKAGES.resolve("dsf-process-ping-pong");
  private static final Path BASE_V1 = PACKAGES.resolve("dsf-base-v1");
  private static final Path EXAMPLES = PACKAGES.resolve("examples");

  @TempDir Path tmp;

  private static void assertNoErrors(CliRun run) {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode report = run.json();
    assertThat(report.path("summary").path("resources").asInt()).isEqualTo(3);
    assertThat(report.path("summary").path("error").asInt()).as(run.describe()).isZero();
    assertThat(report.path("summary").path("fatal").asInt()).isZero();
    for (JsonNode r : report.path("results")) {
      for (JsonNode i : r.path("issues")) {
        assertThat(i.path("ruleId").asText()).as(run.describe()).isEqualTo("dom-6");
      }
    }
  }

  @Test
  void packageFoldersCheckTheRealTasksWithoutErrors() {
    assertNoErrors(
        taskcheck(
                "validate",
                "--format",
                "json",
                "--ig",
                PING_PONG.toString(),
                "--ig",
                BASE_V1.toString(),
                EXAMPLES.toString())
            .run());
  }

  @Test
  void aTgzAndAPackageCacheWorkAsTheFoldersDo() throws Exception {
    Path tgz = tgz(PING_PONG, tmp.resolve("ping-pong.tgz"));
    Path cache = tmp.resolve("cache");
    copy(BASE_V1, cache.resolve("dev.taskcheck.test.dsf.v1#1.9.0/package"));
    assertNoErrors(
        taskcheck("validate", "--format", "json", "--ig", tgz.toString(), EXAMPLES.toString())
            .env("FHIR_PACKAGE_CACHE", cache.toString())
            .run());
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The snapshot cache from cold: the first run generates the snapshots, with the network namespace
   * removed ({@code unshare -rn}: only a loopback that is down) where the machine allows it
   * (elsewhere the JVM-level guard of IgProfileValidationTest covers it), from a {@code .tgz} and a
   * package cache. The real Tasks conform to their profiles, so the second run checks them with the
   * fast engine from the cached snapshots, with the first run's findings.
   */
  @Test
  void aColdRunWithoutNetworkFillsTheCacheAndASecondRunChecksWithTheFastEngine(
      TestReporter reporter) throws Exception {
    Path tgz = tgz(PING_PONG, tmp.resolve("ping-pong.tgz"));
    Path packages = tmp.resolve("packages");
    copy(BASE_V1, packages.resolve("dev.taskcheck.test.dsf.v1#1.9.0/package"));
    Path cache = tmp.resolve("snapshot-cache");
    List<String> args =
        List.of("validate", "--format", "json", "--ig", tgz.toString(), EXAMPLES.toString());
    CliProcessSupport.Launch first =
        taskcheck(args)
            .env("FHIR_PACKAGE_CACHE", packages.toString())
            .env("TASKCHECK_CACHE", cache.toString());
    if (unshareWorks()) {
      first.under("unshare", "-rn");
    } else {
      // the rest of the test still runs; the report says which part was left out
      reporter.publishEntry("no-network part", "left out: unshare -rn is not available here");
    }
    CliRun cold = first.run();
    CliRun warm =
        taskcheck(args)
            .env("FHIR_PACKAGE_CACHE", packages.toString())
            .env("TASKCHECK_CACHE", cache.toString())
            .run();
    assertNoErrors(cold);
    assertNoErrors(warm);
    assertThat(cache.resolve("snapshots")).isDirectory();
    for (JsonNode r : warm.json().path("results")) {
      assertThat(r.path("engine").asText()).as(r.path("source").asText()).isEqualTo("fast");
    }
    List<String> warmFindings = findings(warm);
    assertThat(warmFindings).hasSize(3).containsExactlyInAnyOrderElementsOf(findings(cold));
  }

  /** Each finding of a JSON report as "source ruleId expression line". */
  private static List<String> findings(CliRun run) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : run.json().path("results")) {
      for (JsonNode i : r.path("issues")) {
        out.add(
            String.join(
                " ",
                r.path("source").asText(),
                i.path("ruleId").asText(),
                i.path("expression").asText(),
                String.valueOf(i.path("line").asInt())));
      }
    }
    return out;
  }

  /**
   * The mutants of {@code testdata/ig-packages/mutants} through the real jar: each gets the finding
   * its {@code mutant-cases.json} expects, naming the profile (the library test reads the same
   * cases).
   */
  @Test
  void eachMutantGetsTheFindingOfTheProfile() throws IOException {
    Path mutants = PACKAGES.resolve("mutants");
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "--ig",
                PING_PONG.toString(),
                "--ig",
                BASE_V1.toString(),
                mutants.toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode cases =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(PACKAGES.resolve("mutant-cases.json").toFile())
            .path("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(10);
    assertThat(run.json().path("summary").path("resources").asInt()).isEqualTo(cases.size());
    for (JsonNode c : cases) {
      String file = c.path("file").asText();
      JsonNode expect = c.path("expect");
      List<String> found = new ArrayList<>();
      for (JsonNode r : run.json().path("results")) {
        if (!r.path("source").asText().endsWith("/" + file)) {
          continue;
        }
        for (JsonNode i : r.path("issues")) {
          if (i.path("ruleId").asText().equals(expect.path("ruleId").asText())
              && i.path("severity").asText().equals(expect.path("severity").asText())
              && i.path("expression").asText().equals(expect.path("expression").asText())) {
            found.add(i.path("profile").isMissingNode() ? "null" : i.path("profile").asText());
          }
        }
      }
      String profile = c.path("profile").isNull() ? "null" : c.path("profile").asText();
      assertThat(found).as(file + ": " + expect).isNotEmpty().containsOnly(profile);
    }
  }

  @Test
  void aMissingDependencyIsASetupErrorThatSaysHowToProvideIt() {
    CliRun run =
        taskcheck("validate", "--ig", PING_PONG.toString(), EXAMPLES.toString())
            .env("FHIR_PACKAGE_CACHE", tmp.resolve("no-cache").toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("--ig")
        .contains("needs dev.taskcheck.test.dsf.v1#1.9.0")
        .contains("never downloads");
    CliReportSupport.assertNoStackTrace(run);
  }

  @Test
  void aRunProfileChecksATaskThatDoesNotClaimIt() throws IOException {
    Path task =
        Files.writeString(
            tmp.resolve("task.json"),
            "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\","
                + "\"authoredOn\":\"2023-09-12\"}");
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "--ig",
                PING_PONG.toString(),
                "--ig",
                BASE_V1.toString(),
                "--profile",
                "http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0",
                task.toString())
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    List<String> found = new ArrayList<>();
    for (JsonNode i : run.json().path("results").path(0).path("issues")) {
      found.add(i.path("ruleId").asText() + " " + i.path("expression").asText());
    }
    assertThat(found)
        .contains(
            "structure-cardinality Task.instantiatesCanonical",
            "structure-cardinality Task.requester");
  }

  /** Packs the folder as an NPM package with the system's tar, as npm would. */
  private Path tgz(Path folder, Path target) throws Exception {
    Path staging = copy(folder, tmp.resolve("staging/package"));
    Process tar =
        new ProcessBuilder(
                "tar", "czf", target.toString(), "-C", staging.getParent().toString(), "package")
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue())
        .as(
            new String(
                tar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isZero();
    return target;
  }

  private static Path copy(Path folder, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted().toList()) {
        Path to = target.resolve(folder.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
