package dev.taskcheck.fhirpath;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled FHIRPath expression: immutable, thread-safe, evaluated as often as needed with no parsing.
 *
 * <p>Results are lists of items: {@link FhirNode}s of the input, and system values: Boolean, Integer, Long,
 * {@link java.math.BigDecimal}, String, {@link DateTimeValue}, {@link QuantityValue}, {@link TypeInfo}.
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
   * @param resource {@code %resource}: the resource that holds the focus (a contained resource for elements
   *     inside one), or null
   * @param rootResource {@code %rootResource}: the document's resource (a Bundle, the container), or null
   * @throws FhirPathException of kind EXECUTION when the evaluation signals an error
   */
  public List<Object> evaluate(@Nullable FhirNode focus, @Nullable FhirNode resource,
      @Nullable FhirNode rootResource, Environment env) {
    return root.eval(frame(focus, resource, rootResource, env)).asList();
  }

  /**
   * Evaluates the expression as a Boolean (an invariant): {@link Truth#EMPTY} for an empty result; a single
   * item that is not a Boolean counts as true, as FHIRPath's singleton evaluation says.
   *
   * @throws FhirPathException of kind EXECUTION when the evaluation signals an error (several items)
   */
  public Truth test(FhirNode focus, @Nullable FhirNode resource, @Nullable FhirNode rootResource,
      Environment env) {
    return Truth.of(root.truth(frame(focus, resource, rootResource, env)));
  }

  private Frame frame(@Nullable FhirNode focus, @Nullable FhirNode resource, @Nullable FhirNode rootResource,
      Environment env) {
    Coll context = focus == null ? Coll.EMPTY : Coll.of(focus);
    return new Frame(new Run(model, units, env, context, resource, rootResource), context);
  }

  @Override
  public String toString() {
    return text;
  }
}
