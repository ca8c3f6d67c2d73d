package dev.taskcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dev.taskcheck.TestData;
import dev.taskcheck.engine.packages.IgPackages;
import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.model.FhirRelease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IG snapshot cache (issue 16): the differential-only DSF profiles get snapshots generated on
 * the first build of a validator and read from disk on the next, with the same content; a cache
 * that is switched off, damaged or raced over by two builds still gives every snapshot.
 */
class IgSnapshotsTest {

  /** The DSF test packages hold 8 differential-only R4 StructureDefinitions. */
  private static final int DIFFERENTIAL_ONLY = 8;

  private static IgSet igs;

  @BeforeAll
  static void load() {
    Path packages = TestData.path("ig-packages");
    igs =
        IgPackages.load(
            List.of(
                packages.resolve("dsf-process-ping-pong").toString(),
                packages.resolve("dsf-base-v1").toString()),
            packages.resolve("no-cache"),
            Path.of(""));
  }

  private static ReleaseValidator build(Path cache) {
    return new ReleaseValidator(FhirRelease.R4, 250, igs, cache);
  }

  private static List<String> json(List<IBaseResource> resources) {
    FhirContext ctx = FhirContext.forR4Cached();
    List<String> out = new ArrayList<>();
    for (IBaseResource r : resources) {
      out.add(ctx.newJsonParser().encodeResourceToString(r));
    }
    return out;
  }

  private static List<Path> entries(Path cache) throws Exception {
    Path dir = cache.resolve("snapshots/R4");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void theSecondBuildReadsWhatTheFirstGenerated(@TempDir Path cache) throws Exception {
    ReleaseValidator first = build(cache);
    assertThat(first.snapshots().generated()).isEqualTo(DIFFERENTIAL_ONLY);
    assertThat(first.snapshots().fromCache()).isZero();
    assertThat(entries(cache)).hasSize(1);
    assertThat(entries(cache).get(0).getFileName().toString()).doesNotStartWith(".tmp-");

    ReleaseValidator second = build(cache);
    assertThat(second.snapshots().generated()).isZero();
    assertThat(second.snapshots().fromCache()).isEqualTo(DIFFERENTIAL_ONLY);
    assertThat(json(second.snapshots().resources())).isEqualTo(json(first.snapshots().resources()));
  }

  @Test
  void withTheCacheOffEverySnapshotIsGeneratedAndNothingWritten(@TempDir Path tmp) {
    ReleaseValidator v = new ReleaseValidator(FhirRelease.R4, 250, igs, null);
    assertThat(v.snapshots().generated()).isEqualTo(DIFFERENTIAL_ONLY);
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void aDamagedEntryIsGeneratedAgain(@TempDir Path cache) throws Exception {
    build(cache);
    Path entry = entries(cache).get(0);
    try (Stream<Path> s = Files.list(entry)) {
      Path one = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      Files.writeString(one, "{ not json", StandardCharsets.UTF_8);
    }
    assertThat(build(cache).snapshots().generated()).isEqualTo(DIFFERENTIAL_ONLY);
  }

  @Test
  void twoBuildsRacingLeaveOneCompleteEntry(@TempDir Path cache) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ReleaseValidator>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(pool.submit(() -> build(cache)));
      }
      for (Future<ReleaseValidator> f : both) {
        IgSnapshots.Outcome o = f.get().snapshots();
        assertThat(o.generated() + o.fromCache()).isEqualTo(DIFFERENTIAL_ONLY);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(entries(cache)).hasSize(1);
    assertThat(entries(cache).get(0).resolve("complete")).exists();
    assertThat(build(cache).snapshots().fromCache()).isEqualTo(DIFFERENTIAL_ONLY);
  }

  @Test
  void theKeyFollowsTheContents() {
    Path packages = TestData.path("ig-packages");
    IgSet other =
        IgPackages.load(
            List.of(packages.resolve("dsf-base-v1").toString()),
            packages.resolve("no-cache"),
            Path.of(""));
    assertThat(IgSnapshotCache.key(FhirRelease.R4, igs))
        .isEqualTo(IgSnapshotCache.key(FhirRelease.R4, igs))
        .isNotEqualTo(IgSnapshotCache.key(FhirRelease.R4, other))
        .isNotEqualTo(IgSnapshotCache.key(FhirRelease.R5, igs));
  }
}
