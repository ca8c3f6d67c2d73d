package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Suppression;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happens to the findings of one Task after every stage ran, in this order: the base
 * invariants a catalog rule replaces are dropped (its {@code replaces}: inv-1 by date-1, per-1 by
 * date-2); an entered-in-error Task loses the findings of the rules that skip such Tasks (their
 * {@code skipsEnteredInError}: the progress rules, status-10); catalog rules take their catalog
 * severity and then the rule set's (core keeps spec rules only, strict raises warnings to errors);
 * per-rule overrides apply; suppressions remove matching findings, which are kept aside with their
 * reason. An expired suppression no longer applies, and the finding says so.
 */
public final class IssuePolicy {

  private final RuleSet ruleSet;
  private final Map<String, Severity> severities;
  private final Set<String> off;
  private final List<Compiled> suppressions;
  private final LocalDate today;
  private final Instant now;
  private final Map<String, CatalogEntry> custom;
  private final List<AdvisorFile> advisors;

  /**
   * @param severities per-rule severity overrides
   * @param off rules switched off
   * @param now the run's clock, which decides whether a suppression has expired
   */
  public IssuePolicy(
      RuleSet ruleSet,
      Map<String, Severity> severities,
      Set<String> off,
      List<Suppression> suppressions,
      Instant now) {
    this(ruleSet, severities, off, suppressions, now, Map.of(), List.of());
  }

  /**
   * @param custom the run's custom rules (rule files, plug-ins) by id, treated as catalog rules
   * @param advisors HL7 advisor files whose rules suppress structure findings
   */
  public IssuePolicy(
      RuleSet ruleSet,
      Map<String, Severity> severities,
      Set<String> off,
      List<Suppression> suppressions,
      Instant now,
      Map<String, CatalogEntry> custom,
      List<AdvisorFile> advisors) {
    this.custom = Map.copyOf(custom);
    this.advisors = List.copyOf(advisors);
    this.ruleSet = Objects.requireNonNull(ruleSet);
    this.severities = Map.copyOf(severities);
    this.off = Set.copyOf(off);
    List<Compiled> compiled = new ArrayList<>();
    for (Suppression s : suppressions) {
      compiled.add(new Compiled(s));
    }
    this.suppressions = List.copyOf(compiled);
    this.now = now;
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** True when {@code instant} falls on the day (UTC) this policy judges suppression expiry by. */
  public boolean sameDay(Instant instant) {
    return today.equals(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /** True when the rule runs at all under this policy (rule set and overrides). */
  public boolean runs(String ruleId) {
    if (off.contains(ruleId)) {
      return false;
    }
    if (severities.containsKey(ruleId)) {
      return true;
    }
    CatalogEntry entry = entry(ruleId);
    if (entry == null) {
      return true;
    }
    RuleInfo rule = entry.info();
    if (rule.kind() == RuleInfo.Kind.FHIRPATH && rule.ruleSets().isEmpty()) {
      // a rule file's rule runs in every rule set unless it names its sets
      return true;
    }
    if (!rule.ruleSets().isEmpty()) {
      return rule.ruleSets().contains(ruleSet.code());
    }
    return ruleSet != RuleSet.CORE || rule.isSpec();
  }

  /**
   * The severity a rule's findings have under this policy when the rule reports at its catalog
   * severity (override, rule set re-grade, {@code strict}); null when the rule does not run.
   */
  public @Nullable Severity severityOf(RuleInfo rule) {
    if (!runs(rule.id())) {
      return null;
    }
    Severity override = severities.get(rule.id());
    if (override != null) {
      return override;
    }
    Severity s = ruleSet.regrades().getOrDefault(rule.id(), rule.severity());
    return ruleSet == RuleSet.STRICT && s == Severity.WARNING ? Severity.ERROR : s;
  }

  /** The findings of one Task after the policy, and the ones suppressions removed. */
  public record Outcome(List<Issue> kept, List<SuppressedIssue> suppressed) {

    /** What the policy gives for no findings. */
    public static final Outcome NONE = new Outcome(List.of(), List.of());
  }

  /**
   * Applies the policy to the findings of one Task.
   *
   * @param taskPath the Task's path in its document ({@code Task}, {@code
   *     Bundle.entry[2].resource}); null for findings that belong to no Task
   * @param enteredInError whether the Task's status is entered-in-error
   * @param source the input the findings are about, for suppressions limited to some files
   */
  public Outcome apply(
      List<Issue> issues, @Nullable String taskPath, boolean enteredInError, String source) {
    List<Issue> kept = new ArrayList<>();
    List<SuppressedIssue> suppressed = new ArrayList<>();
    for (Issue original : issues) {
      if (taskPath != null && replaced(original, taskPath)) {
        continue;
      }
      AdvisorFile.Rule advised = advised(original);
      if (advised != null) {
        suppressed.add(
            new SuppressedIssue(original, "advisor file rule " + advised.text(), advised.origin()));
        continue;
      }
      CatalogEntry entry = entry(original.ruleId());
      if (enteredInError && entry != null && entry.skipsEnteredInError()) {
        continue;
      }
      RuleInfo rule = entry == null ? null : entry.info();
      Issue issue = graded(original, rule);
      if (issue == null) {
        continue;
      }
      Compiled match = null;
      for (Compiled c : suppressions) {
        if (c.matches(issue, source)) {
          match = c;
          if (!c.suppression().isExpired(now)) {
            break;
          }
        }
      }
      if (match != null && !match.suppression().isExpired(now)) {
        suppressed.add(
            new SuppressedIssue(issue, match.suppression().reason(), match.suppression().origin()));
        continue;
      }
      if (match != null) {
        issue =
            issue.withMessage(
                issue.message()
                    + " [the suppression at "
                    + match.suppression().origin()
                    + " expired on "
                    + match.suppression().expires()
                    + " (today is "
                    + today
                    + "): "
                    + match.suppression().reason()
                    + "]");
      }
      kept.add(issue);
    }
    return new Outcome(kept, suppressed);
  }

  /** The advisor file rule that suppresses a structure finding, or null. */
  private AdvisorFile.@Nullable Rule advised(Issue issue) {
    for (AdvisorFile a : advisors) {
      AdvisorFile.Rule r = a.suppressing(issue);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** A built-in rule's entry, else a custom rule's, or null. */
  private @Nullable CatalogEntry entry(String ruleId) {
    CatalogEntry e = RuleCatalog.entry(ruleId);
    return e != null ? e : custom.get(ruleId);
  }

  /**
   * A base invariant's finding where the rule replacing it drops it (inv-1 on the Task itself,
   * per-1 anywhere in it outside contained resources): date-1 and date-2 check the same thing
   * without the precision false positives.
   */
  private static boolean replaced(Issue issue, String taskPath) {
    CatalogEntry by = RuleCatalog.replacing(issue.ruleId());
    String expr = issue.expression();
    return by != null
        && issue.source() != IssueSource.RULE
        && expr != null
        && by.replacedIn().covers(expr, taskPath);
  }

  /**
   * The finding at the severity the catalog, the rule set and the overrides give it; null when off.
   */
  private @Nullable Issue graded(Issue issue, @Nullable RuleInfo rule) {
    String id = issue.ruleId();
    if (off.contains(id)) {
      return null;
    }
    Severity override = severities.get(id);
    if (override != null) {
      return issue.withSeverity(override);
    }
    if (rule == null) {
      return issue;
    }
    if (!runs(id)) {
      return null;
    }
    // the HL7 validator reports a profile constraint's own severity; the catalog's is the one that
    // counts
    Severity s = rule.kind() == RuleInfo.Kind.PROFILE ? rule.severity() : issue.severity();
    if (s == rule.severity()) {
      // at the rule's default: the rule set's grade for it
      s = Objects.requireNonNull(severityOf(rule));
    } else if (ruleSet == RuleSet.STRICT && s == Severity.WARNING) {
      // a finding the rule graded itself (progress-5's W) keeps its grade, raised only by strict
      s = Severity.ERROR;
    }
    return s == issue.severity() ? issue : issue.withSeverity(s);
  }

  private record Compiled(Suppression suppression) {
    boolean matches(Issue issue, String source) {
      return suppression.ruleId().equals(issue.ruleId())
          && suppression.matchesExpression(issue.expression() == null ? "" : issue.expression())
          && suppression.matchesFile(source);
    }
  }
}
