package dev.taskcheck.engine.fast;

import dev.taskcheck.engine.packages.IgPackage;
import dev.taskcheck.engine.packages.IgSet;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentLimits;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParseOutcome;
import dev.taskcheck.parse.ParsedDocument;
import dev.taskcheck.plan.CodeSystemDef;
import dev.taskcheck.plan.DefinitionSources;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.PlanCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The profiles of the loaded IG packages as the fast engine reads them: the packages' conformance
 * resources compiled by the plan compiler, with the snapshots of their differential-only
 * StructureDefinitions read from the IG snapshot cache (the reference engine generates and writes
 * them on the first run; the fast engine never generates one). Compiled once per release, on the
 * first Task that claims one of the profiles; while the cache holds no entry for the packages, no
 * plan is made and such Tasks go to the reference engine, which writes the entry.
 */
public final class IgProfiles {

  /** No IG packages. */
  public static final IgProfiles NONE = new IgProfiles(IgSet.NONE, release -> null);

  private final IgSet igs;
  private final Function<FhirRelease, @Nullable Path> cacheEntry;
  // read without a lock once filled (every Task that claims a profile, every coding of an unknown
  // system asks); filled under the lock of `parsed`
  private final Map<FhirRelease, Compiled> plans = new ConcurrentHashMap<>();
  private final Map<FhirRelease, Plan> terminology = new ConcurrentHashMap<>();
  private final Map<FhirRelease, List<Node>> parsed = new EnumMap<>(FhirRelease.class);
  private final java.util.Set<FhirRelease> unparsable = java.util.EnumSet.noneOf(FhirRelease.class);

  /**
   * @param igs the loaded packages
   * @param cacheEntry the complete snapshot-cache entry of the packages for a release, or null when
   *     the cache is off or holds none
   */
  public IgProfiles(IgSet igs, Function<FhirRelease, @Nullable Path> cacheEntry) {
    this.igs = igs;
    this.cacheEntry = cacheEntry;
  }

  /** Whether a package defines this canonical URL ({@code url} or {@code url|version}). */
  boolean defines(String canonical) {
    return igs.definesProfile(canonical);
  }

  /**
   * The packages' definitions for {@code release} compiled, or null when they cannot be: no
   * snapshot-cache entry yet (asked again on the next Task: a reference run may write it), or a
   * resource or cached snapshot that does not parse (for good).
   */
  @Nullable Plan plan(FhirRelease release) {
    Compiled known = plans.get(release);
    if (known != null) {
      return known.plan();
    }
    synchronized (parsed) {
      Compiled c = plans.get(release);
      if (c == null) {
        c = compile(release);
        if (c.plan() != null || c.settled()) {
          plans.put(release, c);
        }
      }
      return c.plan();
    }
  }

  /**
   * A code system of the packages for {@code release}, or null when they define none with this URL;
   * {@link NotCovered} when their resources do not parse. Needs no snapshot: the code systems are
   * known from the first run on, as the reference engine knows them.
   */
  @Nullable CodeSystemDef codeSystem(FhirRelease release, String url) {
    if (igs.isEmpty()) {
      return null;
    }
    Plan terms = terminology.get(release);
    if (terms != null) {
      return terms.codeSystem(url);
    }
    synchronized (parsed) {
      terms = terminology.get(release);
      if (terms == null) {
        List<Node> roots = roots(release);
        if (roots == null) {
          throw new NotCovered("the IG packages' resources do not parse here");
        }
        PlanCompiler compiler = new PlanCompiler();
        for (Node r : roots) {
          if (!"StructureDefinition".equals(r.resourceType())) {
            compiler.add(r);
          }
        }
        terms = compiler.compile(DefinitionSources.fhirVersion(release));
        terminology.put(release, terms);
      }
    }
    return terms.codeSystem(url);
  }

  /** The packages' resources for {@code release}, parsed once; null when one does not parse. */
  private @Nullable List<Node> roots(FhirRelease release) {
    if (unparsable.contains(release)) {
      return null;
    }
    List<Node> roots = parsed.get(release);
    if (roots == null) {
      roots = new ArrayList<>();
      for (IgPackage p : igs.forRelease(release)) {
        for (IgPackage.Resource r : p.resources()) {
          Node root = parse(r.bytes());
          if (root == null) {
            unparsable.add(release);
            return null;
          }
          roots.add(root);
        }
      }
      parsed.put(release, roots);
    }
    return roots;
  }

  /** A compilation's outcome: the plan, or none and whether trying again cannot help. */
  private record Compiled(@Nullable Plan plan, boolean settled) {}

  private static final Compiled BROKEN = new Compiled(null, true);
  private static final Compiled NOT_YET = new Compiled(null, false);

  private Compiled compile(FhirRelease release) {
    List<Node> roots = roots(release);
    if (roots == null) {
      return BROKEN;
    }
    PlanCompiler compiler = new PlanCompiler();
    Path entry = null;
    // the same order and indexes as the reference engine's list of IG resources (IgSnapshots)
    for (int i = 0; i < roots.size(); i++) {
      Node root = roots.get(i);
      if ("StructureDefinition".equals(root.resourceType()) && !hasSnapshot(root)) {
        if (entry == null) {
          entry = cacheEntry.apply(release);
          if (entry == null) {
            return NOT_YET;
          }
        }
        try {
          root = parse(Files.readAllBytes(entry.resolve(i + ".json")));
        } catch (IOException e) {
          return BROKEN;
        }
        if (root == null || !hasSnapshot(root)) {
          return BROKEN;
        }
      }
      compiler.add(root);
    }
    return new Compiled(compiler.compile(DefinitionSources.fhirVersion(release)), true);
  }

  private static @Nullable Node parse(byte[] bytes) {
    ParseOutcome outcome = DocumentParser.parse(bytes, 1, DocumentLimits.TRUSTED);
    return outcome instanceof ParsedDocument d ? d.root() : null;
  }

  private static boolean hasSnapshot(Node sd) {
    Node snapshot = sd.child("snapshot");
    return snapshot != null && !snapshot.children("element").isEmpty();
  }
}
