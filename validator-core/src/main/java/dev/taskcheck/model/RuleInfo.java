package dev.taskcheck.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the catalog {@code taskcheck rules} prints: a TaskCheck rule, or a stable id the
 * structure engine reports under.
 *
 * @param category the catalog section ({@code status}, {@code date}, ...) or {@code structure}
 * @param severity the default severity in the {@code recommended} rule set
 * @param versions the FHIR releases it applies to
 * @param kind where it is implemented
 * @param basis where the rule comes from ({@code SPEC}, {@code TEXT}, {@code IG}, {@code BP}); the
 *     {@code core} rule set keeps {@code SPEC} rules only
 * @param since the TaskCheck version that introduced it
 * @param ruleSets the rule sets that run it when it belongs to an implementation guide's set only
 *     ({@code cow-1} runs in {@code cow}); empty when every set that keeps it runs it
 * @param origin where a custom rule comes from (its rule file, or the jar or class path of its
 *     plug-in); null for a built-in rule
 * @param documentation a custom rule's documentation URL, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RuleInfo(
    String id,
    String name,
    String category,
    Severity severity,
    List<FhirRelease> versions,
    String summary,
    Kind kind,
    List<String> basis,
    String since,
    List<String> ruleSets,
    @Nullable String origin,
    @Nullable String documentation) {

  /** Where a catalog entry is implemented. */
  public enum Kind {
    /** An invariant in a TaskCheck StructureDefinition (portable to other validators). */
    PROFILE,
    /** A Java rule class. */
    JAVA,
    /** An id the structure engine reports its own findings under. */
    ENGINE,
    /** A rule of a user's FHIRPath rule file ({@code --rules}). */
    FHIRPATH,
    /** A Java rule from a user's plug-in jar ({@code --plugin-path}, ServiceLoader). */
    PLUGIN;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RuleInfo {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    Objects.requireNonNull(category);
    Objects.requireNonNull(severity);
    versions = List.copyOf(versions);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(kind);
    basis = List.copyOf(basis);
    Objects.requireNonNull(since);
    ruleSets = List.copyOf(ruleSets);
  }

  /** A built-in entry. */
  public RuleInfo(
      String id,
      String name,
      String category,
      Severity severity,
      List<FhirRelease> versions,
      String summary,
      Kind kind,
      List<String> basis,
      String since,
      List<String> ruleSets) {
    this(id, name, category, severity, versions, summary, kind, basis, since, ruleSets, null, null);
  }

  /** An entry every rule set that keeps it runs. */
  public RuleInfo(
      String id,
      String name,
      String category,
      Severity severity,
      List<FhirRelease> versions,
      String summary,
      Kind kind,
      List<String> basis,
      String since) {
    this(
        id, name, category, severity, versions, summary, kind, basis, since, List.of(), null, null);
  }

  /**
   * Where TaskCheck's documentation is published (the repository's files under the project site).
   */
  public static final String SITE = "https://taskcheck.dev/";

  /**
   * The rule's documentation page: {@code docs/rules/<id>.md} for a TaskCheck rule, the README's
   * list of finding ids for an id the structure engine reports under; a custom rule's own URL, or
   * the page on custom rules when it gives none.
   */
  public String docUrl() {
    if (documentation != null) {
      return documentation;
    }
    return switch (kind) {
      case ENGINE -> SITE + "README.md#finding-ids";
      case FHIRPATH, PLUGIN -> SITE + "docs/custom-rules.md";
      default -> SITE + "docs/rules/" + id + ".md";
    };
  }

  /** True for a rule a user brought: a rule file's or a plug-in's. */
  public boolean isCustom() {
    return kind == Kind.FHIRPATH || kind == Kind.PLUGIN;
  }

  /** This entry with another severity (the one a run gives it). */
  public RuleInfo withSeverity(Severity s) {
    return s == severity
        ? this
        : new RuleInfo(
            id,
            name,
            category,
            s,
            versions,
            summary,
            kind,
            basis,
            since,
            ruleSets,
            origin,
            documentation);
  }

  /** True when the {@code core} rule set keeps this rule: it is mandated by the specification. */
  public boolean isSpec() {
    return basis.contains("SPEC");
  }
}
