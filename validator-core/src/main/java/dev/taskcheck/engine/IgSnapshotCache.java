package dev.taskcheck.engine;

import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.model.FhirRelease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the IG snapshot cache lives and how its entries are named; what {@link IgSnapshots} writes
 * and what the fast engine reads back without the reference engine (an entry holds, for each
 * differential-only StructureDefinition of the packages, its index among the release's IG resources
 * as {@code <index>.json}, and a {@code complete} marker written last).
 *
 * <p>The cache lives in {@code -Dtaskcheck.cache=DIR}, else {@code $TASKCHECK_CACHE}, else {@code
 * $XDG_CACHE_HOME/taskcheck}, else {@code ~/.cache/taskcheck}, under {@code
 * snapshots/<release>/<key>}; {@code off} (or {@code none}) for either setting switches it off.
 */
public final class IgSnapshotCache {

  /** The marker file of a complete entry, written last. */
  static final String COMPLETE = "complete";

  private IgSnapshotCache() {}

  /** The cache folder in force, or null when it is switched off. */
  public static @Nullable Path root() {
    String configured = System.getProperty("taskcheck.cache");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("TASKCHECK_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      String c = configured.trim().toLowerCase(Locale.ROOT);
      return c.equals("off") || c.equals("none") ? null : Path.of(configured.trim());
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "taskcheck");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "taskcheck");
  }

  /** The folder of the entry for these packages and release under {@code root}. */
  static Path folder(Path root, FhirRelease release, IgSet igs) {
    return root.resolve("snapshots").resolve(release.code()).resolve(key(release, igs));
  }

  /**
   * The complete entry for these packages and release in the cache in force, or null when the cache
   * is off or holds none (yet).
   */
  public static @Nullable Path entry(FhirRelease release, IgSet igs) {
    Path root = root();
    if (root == null) {
      return null;
    }
    Path dir = folder(root, release, igs);
    return Files.isRegularFile(dir.resolve(COMPLETE)) ? dir : null;
  }

  /**
   * The cache key: the packages' contents, the release, the HAPI version (its snapshot generator)
   * and the format of an entry.
   */
  static String key(FhirRelease release, IgSet igs) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          ("v1|" + release.code() + "|" + hapiVersion() + "|" + igs.contentHash())
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hapiVersion() {
    String v = ca.uhn.fhir.util.VersionUtil.getVersion();
    return v == null ? "unknown" : v;
  }
}
