package dev.taskcheck.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A code system as far as validation needs it: its concepts (flattened, hierarchy in {@link
 * Concept#parents}), whether the definition holds them all, and whether codes are case-sensitive.
 *
 * @param content {@code complete}, {@code example}, {@code fragment}, {@code not-present} or {@code
 *     supplement}
 * @param concepts the concepts by code, in definition order
 */
public record CodeSystemDef(
    String url,
    @Nullable String version,
    String name,
    String content,
    boolean caseSensitive,
    Map<String, Concept> concepts) {

  public CodeSystemDef {
    Objects.requireNonNull(url);
    Objects.requireNonNull(content);
    concepts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(concepts));
  }

  /** Whether the definition lists every code of the system. */
  public boolean isComplete() {
    return content.equals("complete");
  }

  /**
   * The concept with this code, honouring case sensitivity; null when the system does not define
   * it.
   */
  public @Nullable Concept concept(String code) {
    Concept c = concepts.get(code);
    if (c != null || caseSensitive) {
      return c;
    }
    for (Concept each : concepts.values()) {
      if (each.code().equalsIgnoreCase(code)) {
        return each;
      }
    }
    return null;
  }

  /**
   * One concept.
   *
   * @param display the display, or null
   * @param designations other displays (any language or use)
   * @param parents the codes of the concepts this one is nested under or declares as parents
   * @param notSelectable whether the concept is abstract ({@code notSelectable} or {@code
   *     abstract})
   * @param inactive whether it is inactive, retired or deprecated
   */
  public record Concept(
      String code,
      @Nullable String display,
      List<String> designations,
      List<String> parents,
      boolean notSelectable,
      boolean inactive) {

    public Concept {
      designations = List.copyOf(designations);
      parents = List.copyOf(parents);
    }
  }
}
