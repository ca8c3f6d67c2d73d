package dev.taskcheck.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

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
    List<String> ruleSets) {

  /** Where a catalog entry is implemented. */
  public enum Kind {
    /** An invariant in a TaskCheck StructureDefinition (portable to other validators). */
    PROFILE,
    /** A Java rule class. */
    JAVA,
    /** An id the structure engine reports its own findings under. */
    ENGINE;

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
    this(id, name, category, severity, versions, summary, kind, basis, since, List.of());
  }

  /**
   * Where TaskCheck's documentation is published (the repository's files under the project site).
   */
  public static final String SITE = "https://taskcheck.dev/";

  /**
   * The rule's documentation page: {@code docs/rules/<id>.md} for a TaskCheck rule, the README's
   * list of finding ids for an id the structure engine reports under.
   */
  public String docUrl() {
    return kind == Kind.ENGINE ? SITE + "README.md#finding-ids" : SITE + "docs/rules/" + id + ".md";
  }

  /** This entry with another severity (the one a run gives it). */
  public RuleInfo withSeverity(Severity s) {
    return s == severity
        ? this
        : new RuleInfo(id, name, category, s, versions, summary, kind, basis, since, ruleSets);
  }

  /** True when the {@code core} rule set keeps this rule: it is mandated by the specification. */
  public boolean isSpec() {
    return basis.contains("SPEC");
  }
}
