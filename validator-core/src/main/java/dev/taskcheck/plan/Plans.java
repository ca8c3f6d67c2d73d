package dev.taskcheck.plan;

import dev.taskcheck.model.FhirRelease;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plans compiled at build time, one per release, loaded from the class path once per process on
 * first use.
 */
public final class Plans {

  static final String FOLDER = "dev/taskcheck/plan/";

  /** A cache of immutable values, filled lazily: one plan per release for the process. */
  private static final Map<FhirRelease, Plan> LOADED = new EnumMap<>(FhirRelease.class);

  /**
   * The releases the build compiles a plan for. STU3 has none yet: its documents go to the
   * reference engine.
   */
  public static final Set<FhirRelease> RELEASES =
      Set.copyOf(EnumSet.of(FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5));

  private Plans() {}

  /** True when the build compiles a plan for {@code release}. */
  public static boolean exists(FhirRelease release) {
    return RELEASES.contains(release);
  }

  static String fileName(FhirRelease release) {
    return release.code().toLowerCase(Locale.ROOT) + ".plan";
  }

  /** The plan of a release's core definitions and TaskCheck's profiles. */
  public static Plan of(FhirRelease release) {
    synchronized (LOADED) {
      Plan plan = LOADED.get(release);
      if (plan == null) {
        plan = load(release);
        LOADED.put(release, plan);
      }
      return plan;
    }
  }

  private static Plan load(FhirRelease release) {
    String path = FOLDER + fileName(release);
    try (InputStream in = Plans.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "the fast engine's plan "
                + path
                + " is not on the class path (the build"
                + " compiles it: run the build of validator-core)");
      }
      return PlanCodec.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
