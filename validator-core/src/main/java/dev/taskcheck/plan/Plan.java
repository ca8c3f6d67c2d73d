package dev.taskcheck.plan;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The compiled definitions of one FHIR release (and of the profiles compiled with it): base types
 * by name, StructureDefinitions by URL, value set expansions and code systems. Entries of a plan
 * read from its binary form are decoded on first use, so loading costs little whatever the plan's
 * size. Immutable and thread-safe.
 */
public final class Plan {

  private final String fhirVersion;
  private final Map<String, String> typeUrls;
  private final Section<TypeDef> definitions;
  private final Section<ValueSetDef> valueSets;
  private final Section<CodeSystemDef> codeSystems;

  Plan(
      String fhirVersion,
      Map<String, String> typeUrls,
      Section<TypeDef> definitions,
      Section<ValueSetDef> valueSets,
      Section<CodeSystemDef> codeSystems) {
    this.fhirVersion = Objects.requireNonNull(fhirVersion);
    this.typeUrls = Map.copyOf(typeUrls);
    this.definitions = definitions;
    this.valueSets = valueSets;
    this.codeSystems = codeSystems;
  }

  /**
   * A plan held in memory (what the compiler produces).
   *
   * @param typeUrlsByName the URL of each type's base definition, by type name
   */
  public static Plan of(
      String fhirVersion,
      Map<String, String> typeUrlsByName,
      Map<String, TypeDef> definitionsByUrl,
      Map<String, ValueSetDef> valueSetsByUrl,
      Map<String, CodeSystemDef> codeSystemsByUrl) {
    return new Plan(
        fhirVersion,
        typeUrlsByName,
        Section.of(definitionsByUrl),
        Section.of(valueSetsByUrl),
        Section.of(codeSystemsByUrl));
  }

  /** The FHIR version of the core definitions ({@code 4.0.1}, {@code 4.3.0}, {@code 5.0.0}). */
  public String fhirVersion() {
    return fhirVersion;
  }

  /**
   * The base definition of a type by its name ({@code Task}, {@code Quantity}, {@code string}), or
   * null.
   */
  public @Nullable TypeDef type(String name) {
    String url = typeUrls.get(name);
    return url == null ? null : definitions.get(url);
  }

  /** The names of every type with a base definition. */
  public Set<String> typeNames() {
    return typeUrls.keySet();
  }

  /**
   * The StructureDefinition with this canonical URL (a base type, a profile, an extension
   * definition), or null. A {@code |version} suffix is accepted when it is the definition's
   * version.
   */
  public @Nullable TypeDef definition(String url) {
    int bar = url.indexOf('|');
    if (bar < 0) {
      return definitions.get(url);
    }
    TypeDef d = definitions.get(url.substring(0, bar));
    return d != null && url.substring(bar + 1).equals(d.version()) ? d : null;
  }

  public Set<String> definitionUrls() {
    return definitions.keys();
  }

  /** The value set with this canonical URL (a {@code |version} suffix is ignored), or null. */
  public @Nullable ValueSetDef valueSet(String url) {
    int bar = url.indexOf('|');
    return valueSets.get(bar < 0 ? url : url.substring(0, bar));
  }

  public Set<String> valueSetUrls() {
    return valueSets.keys();
  }

  /** The code system with this canonical URL (a {@code |version} suffix is ignored), or null. */
  public @Nullable CodeSystemDef codeSystem(String url) {
    int bar = url.indexOf('|');
    return codeSystems.get(bar < 0 ? url : url.substring(0, bar));
  }

  public Set<String> codeSystemUrls() {
    return codeSystems.keys();
  }

  Map<String, String> typeUrls() {
    return typeUrls;
  }

  Section<TypeDef> definitionsSection() {
    return definitions;
  }

  Section<ValueSetDef> valueSetsSection() {
    return valueSets;
  }

  Section<CodeSystemDef> codeSystemsSection() {
    return codeSystems;
  }

  /** A keyed part of a plan, in memory or decoded on demand. */
  interface Section<T> {
    Set<String> keys();

    @Nullable T get(String key);

    static <T> Section<T> of(Map<String, T> map) {
      Map<String, T> copy = Map.copyOf(map);
      return new Section<>() {
        @Override
        public Set<String> keys() {
          return copy.keySet();
        }

        @Override
        public @Nullable T get(String key) {
          return copy.get(key);
        }
      };
    }
  }
}
