package dev.taskcheck.plan;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value set, expanded when the plan was compiled.
 *
 * @param name the value set's name, for messages
 * @param codes the expansion: every code it contains
 * @param incomplete why the expansion is not the whole value set (a filter or a code system the
 *     compiler cannot expand), or null when it is complete
 * @param systems the code systems the value set draws on (complete or not)
 * @param systemsComplete whether {@link #systems} names every code system the value set can draw
 *     on, even when its expansion is incomplete (a filter on a code system the compiler cannot
 *     expand): then a code in any other system is certainly not in the value set. False when a
 *     value set it includes (directly or not) is unknown or includes itself, or when it has no
 *     content
 */
public record ValueSetDef(
    String url,
    @Nullable String version,
    String name,
    List<Code> codes,
    @Nullable String incomplete,
    List<String> systems,
    boolean systemsComplete) {

  public ValueSetDef {
    Objects.requireNonNull(url);
    codes = List.copyOf(codes);
    systems = List.copyOf(systems);
  }

  /** The start of an {@link #incomplete} reason: an included value set the definitions lack. */
  public static final String UNKNOWN_VALUE_SET = "it includes the unknown value set ";

  /** The {@link #incomplete} reason of a value set with neither a compose nor an expansion. */
  public static final String NO_CONTENT = "it has neither a compose nor an expansion";

  /** The {@link #incomplete} reason of a value set that includes itself. */
  public static final String INCLUDES_ITSELF = "it includes itself";

  /**
   * One code of an expansion.
   *
   * @param display its display in the value set or code system, or null
   */
  public record Code(String system, String code, @Nullable String display) {}
}
