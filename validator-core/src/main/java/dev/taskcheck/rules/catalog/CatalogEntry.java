package dev.taskcheck.rules.catalog;

import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.rules.ReplacedIn;
import dev.taskcheck.rules.TaskRule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A built-in rule as TaskCheck knows it: its public {@link RuleInfo}, where it is implemented, and
 * the behaviour it declares ({@link TaskRule#replaces}, {@link TaskRule#skipsEnteredInError}),
 * which the issue policy reads here rather than knowing it itself.
 *
 * @param type the rule class of a Java rule (built-in or a plug-in's); null otherwise
 * @param profile the canonical URL of the profile holding a profile invariant; null otherwise (a
 *     rule of a FHIRPath rule file has neither)
 * @param replaces the base invariant the rule replaces; empty for none
 */
public record CatalogEntry(
    RuleInfo info,
    @Nullable Class<?> type,
    @Nullable String profile,
    String replaces,
    ReplacedIn replacedIn,
    boolean skipsEnteredInError) {

  public CatalogEntry {
    Objects.requireNonNull(info);
    if (type != null && profile != null) {
      throw new IllegalArgumentException(
          info.id() + " is either a Java rule or a profile invariant");
    }
    if (type == null && profile == null && info.kind() != RuleInfo.Kind.FHIRPATH) {
      throw new IllegalArgumentException(
          info.id() + " needs its rule class or the profile holding it");
    }
    Objects.requireNonNull(replaces);
    Objects.requireNonNull(replacedIn);
  }

  public String id() {
    return info.id();
  }
}
