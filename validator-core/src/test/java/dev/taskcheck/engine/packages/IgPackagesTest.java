package dev.taskcheck.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.taskcheck.TestData;
import dev.taskcheck.model.FhirRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading IG packages: folder, .tgz, cache, dependencies, and what goes wrong (issue 16). */
class IgPackagesTest {

  private static final Path PACKAGES = TestData.path("ig-packages");
  private static final String PING_PONG = PACKAGES.resolve("dsf-process-ping-pong").toString();
  private static final String BASE_V1 = PACKAGES.resolve("dsf-base-v1").toString();
  private static final String START_PING =
      "http://dsf.dev/fhir/StructureDefinition/task-start-ping";

  @TempDir Path tmp;

  private IgSet load(String... specs) {
    return IgPackages.load(List.of(specs), tmp.resolve("empty-cache"), Path.of(""));
  }

  @Test
  void aFolderWithItsDependencyGivenLoadsBoth() {
    IgSet set = load(PING_PONG, BASE_V1);

    assertThat(set.packages())
        .extracting(IgPackage::name)
        .containsExactly(
            "dev.taskcheck.test.dsf.pingpong#1.0.1", "dev.taskcheck.test.dsf.v1#1.9.0");
    assertThat(set.packages()).allMatch(p -> p.release() == FhirRelease.R4);
    assertThat(set.definesProfile(START_PING)).isTrue();
    assertThat(set.definesProfile(START_PING + "|1.0")).isTrue();
    assertThat(set.definesProfile(START_PING + "|0.9")).isFalse();
    assertThat(set.definesProfile("http://dsf.dev/fhir/StructureDefinition/task-base")).isTrue();
    assertThat(set.packages().get(0).resources())
        .extracting(IgPackage.Resource::resourceType)
        .contains("StructureDefinition", "ValueSet", "CodeSystem");
  }

  @Test
  void aMissingDependencyNamesItAndHowToProvideIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(PING_PONG))
        .withMessageContaining("dev.taskcheck.test.dsf.pingpong#1.0.1")
        .withMessageContaining("needs dev.taskcheck.test.dsf.v1#1.9.0")
        .withMessageContaining("--ig")
        .withMessageContaining("never downloads");
  }

  @Test
  void aTgzHoldsTheSameResourcesAsItsFolder() throws IOException {
    Path tgz = TestPackages.tgz(Path.of(PING_PONG), tmp.resolve("ping-pong.tgz"));
    IgSet fromTgz = load(tgz.toString(), BASE_V1);
    IgSet fromFolder = load(PING_PONG, BASE_V1);

    assertThat(fromTgz.packages().get(0).resources())
        .extracting(IgPackage.Resource::url)
        .containsExactlyInAnyOrderElementsOf(
            fromFolder.packages().get(0).resources().stream()
                .map(IgPackage.Resource::url)
                .toList());
    assertThat(fromTgz.key()).isEqualTo(fromFolder.key());
    assertThat(fromTgz.contentHash()).isEqualTo(fromFolder.contentHash());
  }

  /**
   * The content hash (the snapshot cache's key) does not depend on the order the archive holds the
   * files in: system tars write them in directory order.
   */
  @Test
  void theOrderOfATgzsFilesDoesNotChangeItsContentHash() throws IOException {
    Path sorted = TestPackages.tgz(Path.of(PING_PONG), tmp.resolve("sorted.tgz"));
    Path reversed =
        TestPackages.tgz(
            Path.of(PING_PONG), tmp.resolve("reversed.tgz"), Comparator.reverseOrder());

    assertThat(load(reversed.toString(), BASE_V1).contentHash())
        .isEqualTo(load(sorted.toString(), BASE_V1).contentHash());
  }

  @Test
  void aJarOrZipHoldingThePackageReadsAsItsFolderWhateverItsName() throws IOException {
    IgSet fromFolder = load(PING_PONG, BASE_V1);
    Path jar = TestPackages.zip(Path.of(PING_PONG), tmp.resolve("ping-pong-1.0.1.jar"), "package/");
    Path zip = TestPackages.zip(Path.of(BASE_V1), tmp.resolve("base.artifact"), "fhir/dsf/");

    IgSet fromArchives = load(jar.toString(), zip.toString());

    assertThat(fromArchives.packages())
        .extracting(IgPackage::name)
        .containsExactly(
            "dev.taskcheck.test.dsf.pingpong#1.0.1", "dev.taskcheck.test.dsf.v1#1.9.0");
    assertThat(fromArchives.key()).isEqualTo(fromFolder.key());
    assertThat(fromArchives.packages().get(0).origin()).isEqualTo(jar.toString());
  }

  @Test
  void aJarWithoutPackageJsonIsNotAPackage() throws IOException {
    Path jar = tmp.resolve("x.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("fhir/Task/t.json"));
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(jar.toString()))
        .withMessageContaining(jar.toString())
        .withMessageContaining("holds no package.json");
  }

  @Test
  void dependenciesAndIdVersionComeFromThePackageCacheAsTheHl7ValidatorLaysItOut()
      throws IOException {
    Path cache = tmp.resolve("cache");
    TestPackages.copy(Path.of(BASE_V1), cache.resolve("dev.taskcheck.test.dsf.v1#1.9.0/package"));
    TestPackages.copy(
        Path.of(PING_PONG), cache.resolve("dev.taskcheck.test.dsf.pingpong#1.0.1/package"));

    IgSet set =
        IgPackages.load(List.of("dev.taskcheck.test.dsf.pingpong#1.0.1"), cache, Path.of(""));

    assertThat(set.packages())
        .extracting(IgPackage::name)
        .containsExactly(
            "dev.taskcheck.test.dsf.pingpong#1.0.1", "dev.taskcheck.test.dsf.v1#1.9.0");
    assertThat(set.packages().get(1).origin()).contains("package cache");
  }

  @Test
  void anIdVersionNotInTheCacheIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load("hl7.fhir.us.core#6.1.0"))
        .withMessageContaining("hl7.fhir.us.core#6.1.0 is not in the package cache")
        .withMessageContaining("never downloads");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.0.2", "1.4.0"})
  void aPackageForAReleaseTaskCheckDoesNotReadIsRefused(String version) throws IOException {
    Path p = TestPackages.copy(Path.of(BASE_V1), tmp.resolve("old-" + version));
    Files.writeString(
        p.resolve("package.json"),
        "{\"name\":\"x.old\",\"version\":\"1.0.0\",\"fhirVersions\":[\"" + version + "\"]}");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(p.toString()))
        .withMessageContaining("x.old#1.0.0")
        .withMessageContaining("is for FHIR " + version);
  }

  @Test
  void aDependencyOnAnotherReleasesCoreIsRefused() throws IOException {
    Path p = TestPackages.copy(Path.of(BASE_V1), tmp.resolve("mixed"));
    Files.writeString(
        p.resolve("package.json"),
        "{\"name\":\"x.mixed\",\"version\":\"1.0.0\",\"fhirVersions\":[\"4.0.1\"],"
            + "\"dependencies\":{\"hl7.fhir.r5.core\":\"5.0.0\"}}");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(p.toString()))
        .withMessageContaining("depends on hl7.fhir.r5.core but is written for R4");
  }

  @Test
  void aBrokenResourceNamesItsFile() throws IOException {
    Path p = TestPackages.copy(Path.of(BASE_V1), tmp.resolve("broken"));
    Files.writeString(
        p.resolve("StructureDefinition/broken.json"),
        "{\"resourceType\": ",
        StandardCharsets.UTF_8);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(p.toString()))
        .withMessageContaining("StructureDefinition/broken.json is not valid JSON");
  }

  @Test
  void aFolderWithoutPackageJsonIsNotAPackage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(PACKAGES.resolve("examples").toString()))
        .withMessageContaining("has no package.json");
  }

  @Test
  void aFileThatIsNotATgzIsRefused() throws IOException {
    Path f = Files.writeString(tmp.resolve("x.tgz"), "not gzip");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> load(f.toString()))
        .withMessageContaining("is not a readable .tgz");
  }

  @Test
  void versionPatterns() {
    assertThat(IgPackages.versionMatches("1.9.0", "1.9.0")).isTrue();
    assertThat(IgPackages.versionMatches("1.9.0", "1.9.x")).isTrue();
    assertThat(IgPackages.versionMatches("1.9.0", "1.9")).isTrue();
    assertThat(IgPackages.versionMatches("1.9.0", "current")).isTrue();
    assertThat(IgPackages.versionMatches("1.10.0", "1.1")).isFalse();
    assertThat(IgPackages.versionMatches("2.0.0", "1.9.0")).isFalse();
  }
}
