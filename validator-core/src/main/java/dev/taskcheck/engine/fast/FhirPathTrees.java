package dev.taskcheck.engine.fast;

import dev.taskcheck.fhirpath.FhirModel;
import dev.taskcheck.fhirpath.FhirNode;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Plans;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TaskCheck's parse tree as FHIRPath sees it, typed with a release's plan, for evaluators outside
 * this engine (the FHIRPath rule files): the same typed view the fast engine's invariants read.
 * Immutable and thread-safe; the nodes it makes are not (one per document and thread).
 */
public final class FhirPathTrees {

  private static final Map<FhirRelease, FhirPathTrees> BY_RELEASE =
      new EnumMap<>(FhirRelease.class);

  private final Types types;
  private final FhirModel model;

  private FhirPathTrees(Types types) {
    this.types = types;
    this.model = PlanNode.model(types);
  }

  /** The trees of a release (its plan loaded on first use, once per process). */
  public static FhirPathTrees of(FhirRelease release) {
    synchronized (BY_RELEASE) {
      return BY_RELEASE.computeIfAbsent(release, r -> new FhirPathTrees(new Types(Plans.of(r))));
    }
  }

  /** The release's type hierarchy, to compile expressions with. */
  public FhirModel model() {
    return model;
  }

  /**
   * A resource of a parsed document (its root, or a Bundle entry's resource) as FHIRPath sees it.
   */
  public FhirNode resource(Node resource) {
    return PlanNode.resource(types, resource, resource.name());
  }

  /**
   * The parsed node an item of an evaluation's result stands for, to place a finding; null for a
   * value the expression computed.
   */
  public static @Nullable Node source(Object item) {
    return item instanceof PlanNode p ? p.source() : null;
  }
}
