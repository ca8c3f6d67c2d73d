package dev.taskcheck.fhirpath;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled FHIRPath expression: immutable, thread-safe, evaluated as often as needed with no
 * parsing.
 *
 * <p>Results are lists of items: {@link FhirNode}s of the input, and system values: Boolean,
 * Integer, Long, {@link java.math.BigDecimal}, String, {@link DateTimeValue}, {@link
 * QuantityValue}, {@link TypeInfo}.
 */
public final class Expression {

  private final String text;
  private final Expr root;
  private final Set<String> usage;
  private final FhirModel model;
  private final Units units;

  Expression(String text, Expr root, Set<String> usage, FhirModel model, Units units) {
    this.text = text;
    this.root = root;
    this.usage = Set.copyOf(usage);
    this.model = model;
    this.units = units;
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The functions ({@code name()}), operators and {@code %constants} the expression uses. */
  public Set<String> usage() {
    return usage;
  }

  /**
   * Evaluates the expression on {@code focus} (its {@code %context} and first {@code $this}).
   *
   * @param focus the element or resource in focus, or null for an empty context
   * @throws FhirPathException of kind EXECUTION when the evaluation signals an error
   */
  public List<Object> evaluate(@Nullable FhirNode focus, EvaluationContext context) {
    return root.eval(frame(focus, context)).asList();
  }

  /**
   * Evaluates the expression as a Boolean (an invariant): {@link Truth#EMPTY} for an empty result;
   * a single item that is not a Boolean counts as true, as FHIRPath's singleton evaluation says.
   *
   * @throws FhirPathException of kind EXECUTION when the evaluation signals an error (several
   *     items)
   */
  public Truth test(FhirNode focus, EvaluationContext context) {
    return Truth.of(root.truth(frame(focus, context)));
  }

  /** {@link #evaluate(FhirNode, EvaluationContext)} with a context of its own. */
  public List<Object> evaluate(
      @Nullable FhirNode focus,
      @Nullable FhirNode resource,
      @Nullable FhirNode rootResource,
      Environment env) {
    return evaluate(focus, EvaluationContext.of(resource, rootResource, env));
  }

  /** {@link #test(FhirNode, EvaluationContext)} with a context of its own. */
  public Truth test(
      FhirNode focus,
      @Nullable FhirNode resource,
      @Nullable FhirNode rootResource,
      Environment env) {
    return test(focus, EvaluationContext.of(resource, rootResource, env));
  }

  private Frame frame(@Nullable FhirNode focus, EvaluationContext context) {
    return new Frame(context.run(model, units), focus == null ? Coll.EMPTY : Coll.of(focus));
  }

  @Override
  public String toString() {
    return text;
  }
}
