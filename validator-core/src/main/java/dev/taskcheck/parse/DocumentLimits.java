package dev.taskcheck.parse;

/**
 * Per-document budgets the parsers enforce, so that no single document can exhaust the stack, the
 * heap or the run's time. A document over one of them is refused with one fatal finding at the
 * place where the limit was crossed (docs/limits.md).
 *
 * @param maxDepth the deepest nesting of JSON objects and arrays, or of XML elements (the XHTML
 *     narrative included); the resource itself is level 1
 * @param maxKeysPerObject the most properties one JSON object may have; in XML, the most runs of
 *     differently named child elements of one element (repeats of one element are one JSON
 *     property)
 * @param maxContainedDepth the deepest nesting of {@code contained} resources (a resource's
 *     contained resource is level 1)
 * @param maxNodes the most elements (properties, array items, XML elements) in one document: the
 *     work budget, since every stage's work grows with it
 */
public record DocumentLimits(
    int maxDepth, int maxKeysPerObject, int maxContainedDepth, int maxNodes) {

  /** Rule id of the fatal for a document nested deeper than {@link #maxDepth}. */
  public static final String TOO_DEEP = "limit-depth";

  /** Rule id of the fatal for an object with more properties than {@link #maxKeysPerObject}. */
  public static final String TOO_MANY_KEYS = "limit-keys";

  /** Rule id of the fatal for contained resources nested deeper than {@link #maxContainedDepth}. */
  public static final String CONTAINED_TOO_DEEP = "limit-contained-depth";

  /** Rule id of the fatal for a document with more elements than {@link #maxNodes}. */
  public static final String TOO_MUCH_WORK = "limit-work";

  /** The ids above with a one-line summary, for the catalog (each is fatal). */
  public static final java.util.Map<String, String> SUMMARIES =
      java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(
              java.util.Map.of(
                  TOO_DEEP,
                  "The document is nested deeper than the depth limit (fatal)",
                  TOO_MANY_KEYS,
                  "An object or element has more properties than the per-object limit (fatal)",
                  CONTAINED_TOO_DEEP,
                  "Contained resources are nested deeper than the contained limit (fatal)",
                  TOO_MUCH_WORK,
                  "The document has more elements than the per-document work limit (fatal)")));

  public static final int DEFAULT_MAX_DEPTH = 100;
  public static final int DEFAULT_MAX_KEYS_PER_OBJECT = 1_000;
  public static final int DEFAULT_MAX_CONTAINED_DEPTH = 5;
  public static final int DEFAULT_MAX_NODES = 1_000_000;

  /**
   * The highest depth accepted as an option: deeper documents overflow the stack of the structure
   * engine (HL7's validator recurses per element).
   */
  public static final int MAX_DEPTH_CEILING = 200;

  /** The defaults for documents users give. */
  public static final DocumentLimits DEFAULTS =
      new DocumentLimits(
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_KEYS_PER_OBJECT,
          DEFAULT_MAX_CONTAINED_DEPTH,
          DEFAULT_MAX_NODES);

  /**
   * For TaskCheck's own trusted inputs (the FHIR definitions): only the depth limit, which protects
   * the stack, stays.
   */
  public static final DocumentLimits TRUSTED =
      new DocumentLimits(
          MAX_DEPTH_CEILING, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  public DocumentLimits {
    if (maxDepth < 2 || maxDepth > MAX_DEPTH_CEILING) {
      throw new IllegalArgumentException(
          "the nesting depth limit must be between 2 and "
              + MAX_DEPTH_CEILING
              + ", got "
              + maxDepth);
    }
    if (maxKeysPerObject < 1) {
      throw new IllegalArgumentException(
          "the keys-per-object limit must be at least 1, got " + maxKeysPerObject);
    }
    if (maxContainedDepth < 0) {
      throw new IllegalArgumentException(
          "the contained depth limit must be at least 0, got " + maxContainedDepth);
    }
    if (maxNodes < 1) {
      throw new IllegalArgumentException(
          "the elements-per-document limit must be at least 1, got " + maxNodes);
    }
  }

  public DocumentLimits withMaxDepth(int v) {
    return new DocumentLimits(v, maxKeysPerObject, maxContainedDepth, maxNodes);
  }

  public DocumentLimits withMaxKeysPerObject(int v) {
    return new DocumentLimits(maxDepth, v, maxContainedDepth, maxNodes);
  }

  public DocumentLimits withMaxContainedDepth(int v) {
    return new DocumentLimits(maxDepth, maxKeysPerObject, v, maxNodes);
  }

  public DocumentLimits withMaxNodes(int v) {
    return new DocumentLimits(maxDepth, maxKeysPerObject, maxContainedDepth, v);
  }
}
