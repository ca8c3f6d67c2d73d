package dev.taskcheck.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.util.FhirTerser;
import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.model.FhirRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots of the differential-only StructureDefinitions of IG packages, generated once and kept
 * on disk, keyed by the packages' contents, the FHIR release and the HAPI version: the second run
 * over the same packages reads them instead of generating them.
 *
 * <p>Where the cache lives and how entries are named: {@link IgSnapshotCache}. Deleting the folder
 * clears it. An entry is written to a temporary folder and renamed into place, so concurrent runs
 * never read half an entry; the one that renames first wins, the others drop their copy. A cache
 * that cannot be read or written is ignored: the snapshots are then generated, as without a cache.
 */
final class IgSnapshots {

  /** What {@link #apply} did, for tests and {@code --debug}. */
  record Outcome(List<IBaseResource> resources, int generated, int fromCache) {}

  private IgSnapshots() {}

  /**
   * The IG resources with a snapshot for each StructureDefinition that has none: read from the
   * cache, or generated with {@code generator} (a validation support chain holding the core
   * definitions and these resources) and written to it.
   *
   * @param generator makes the chain that generates snapshots, over these resources
   */
  static Outcome apply(
      FhirContext context,
      FhirRelease release,
      IgSet igs,
      List<IBaseResource> resources,
      @Nullable Path root,
      Function<List<IBaseResource>, IValidationSupport> generator) {
    FhirTerser terser = context.newTerser();
    List<Integer> needing = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      IBaseResource r = resources.get(i);
      if (context.getResourceType(r).equals("StructureDefinition")
          && terser.getValues(r, "snapshot.element").isEmpty()) {
        needing.add(i);
      }
    }
    if (needing.isEmpty()) {
      return new Outcome(resources, 0, 0);
    }
    Path dir = root == null ? null : IgSnapshotCache.folder(root, release, igs);
    if (dir != null) {
      List<IBaseResource> cached = read(context, dir, resources, needing);
      if (cached != null) {
        return new Outcome(cached, 0, needing.size());
      }
    }
    List<IBaseResource> out = new ArrayList<>(resources);
    IValidationSupport chain = generator.apply(resources);
    ValidationSupportContext ctx = new ValidationSupportContext(chain);
    int generated = 0;
    for (int i : needing) {
      IBaseResource sd = resources.get(i);
      String url = terser.getSinglePrimitiveValueOrNull(sd, "url");
      String name = terser.getSinglePrimitiveValueOrNull(sd, "name");
      IBaseResource withSnapshot;
      try {
        withSnapshot = chain.generateSnapshot(ctx, sd, url, null, name);
      } catch (RuntimeException e) {
        // left to HAPI's own lazy generation, which reports the problem where the profile is used
        withSnapshot = null;
      }
      if (withSnapshot != null && !terser.getValues(withSnapshot, "snapshot.element").isEmpty()) {
        out.set(i, withSnapshot);
        generated++;
      }
    }
    if (dir != null && generated == needing.size()) {
      write(context, dir, out, needing);
    }
    return new Outcome(out, generated, 0);
  }

  private static @Nullable List<IBaseResource> read(
      FhirContext context, Path dir, List<IBaseResource> resources, List<Integer> needing) {
    if (!Files.isRegularFile(dir.resolve(IgSnapshotCache.COMPLETE))) {
      return null;
    }
    try {
      List<IBaseResource> out = new ArrayList<>(resources);
      for (int i : needing) {
        String json = Files.readString(dir.resolve(i + ".json"), StandardCharsets.UTF_8);
        out.set(i, context.newJsonParser().parseResource(json));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      // a damaged entry: generate again (and leave the entry; a later run may replace it by hand)
      return null;
    }
  }

  private static void write(
      FhirContext context, Path dir, List<IBaseResource> resources, List<Integer> needing) {
    Path tmp = null;
    try {
      Path parent = dir.getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, ".tmp-");
      for (int i : needing) {
        Files.writeString(
            tmp.resolve(i + ".json"),
            context.newJsonParser().encodeResourceToString(resources.get(i)),
            StandardCharsets.UTF_8);
      }
      Files.writeString(tmp.resolve(IgSnapshotCache.COMPLETE), "", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      }
      tmp = null;
    } catch (FileAlreadyExistsException e) {
      // another run wrote the same entry first
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // a cache that cannot be written is no cache: nothing is lost but time
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }
}
