package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.plan.CodeSystemDef;
import dev.taskcheck.plan.Plan;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The fast engine's checks for one FHIR release, built once from the release's plan and shared by
 * all threads and documents (every part is immutable or thread-safe).
 */
final class Engine {

  private final FhirRelease release;
  private final Types types;
  private final Primitives primitives;
  private final Codes codes;
  private final Datatypes datatypes;
  private final Extensions extensions;
  private final References references;
  private final Invariants invariants;

  /** The values walked, one table per thread ({@link WalkedValues}). */
  @SuppressWarnings("ThreadLocalUsage") // one per engine: its definitions are the tables' keys
  private final ThreadLocal<WalkedValues> walkedValues = ThreadLocal.withInitial(WalkedValues::new);

  Engine(FhirRelease release, Plan plan) {
    this(release, plan, url -> null, url -> false);
  }

  /**
   * @param igCodeSystems the code systems of loaded IG packages by URL (null for a URL they do not
   *     define), which the reference engine knows beside the core ones
   * @param igDefines whether a loaded IG package defines a StructureDefinition's canonical URL (an
   *     extension the reference engine knows)
   */
  Engine(
      FhirRelease release,
      Plan plan,
      Function<String, @Nullable CodeSystemDef> igCodeSystems,
      Predicate<String> igDefines) {
    this.release = release;
    this.types = new Types(plan);
    this.primitives = new Primitives(types, release);
    this.codes = new Codes(plan, release, igCodeSystems);
    this.references = new References(types, release);
    this.datatypes = new Datatypes(codes, references);
    this.extensions = new Extensions(types, igDefines);
    this.invariants = new Invariants(types, release);
  }

  FhirRelease release() {
    return release;
  }

  Types types() {
    return types;
  }

  Primitives primitives() {
    return primitives;
  }

  Codes codes() {
    return codes;
  }

  Datatypes datatypes() {
    return datatypes;
  }

  Extensions extensions() {
    return extensions;
  }

  References references() {
    return references;
  }

  Invariants invariants() {
    return invariants;
  }

  /** This thread's table of values walked. */
  WalkedValues walkedValues() {
    return walkedValues.get();
  }
}
