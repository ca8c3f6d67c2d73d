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
 */
public record ValueSetDef(
    String url,
    @Nullable String version,
    String name,
    List<Code> codes,
    @Nullable String incomplete,
    List<String> systems) {

  public ValueSetDef {
    Objects.requireNonNull(url);
    codes = List.copyOf(codes);
    systems = List.copyOf(systems);
  }

  /**
   * One code of an expansion.
   *
   * @param display its display in the value set or code system, or null
   */
  public record Code(String system, String code, @Nullable String display) {}
}
