package dev.taskcheck.rules;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The catalog entry of a rule, declared on its class: the one place a rule's metadata lives. The
 * rule's name is its class's simple name; its messages are the {@link MessageKey} constants it
 * declares. A rule gives what is its own (id, category, severity, summary, basis) and leaves the
 * rest at the defaults:
 *
 * <pre>{@code
 * @TaskRule(id = "date-3",
 * versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5}, category = DATE, severity = Severity.WARNING, basis = BP,
 *     summary = "executionPeriod.start is not before authoredOn")
 * public final class ExecutionNotBeforeAuthoring implements Rule { ... }
 * }</pre>
 *
 * {@link ProfileRule} carries the same attributes, with the same defaults, for the rules that are
 * profile invariants.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.EXPERIMENTAL, since = "0.3.0")
public @interface TaskRule {

  /**
   * The catalog's first release, 0.1.0: what {@link #since} says unless a rule gives another
   * version.
   */
  String FIRST_RELEASE = "0.1.0";

  /** The stable id, {@code <category>-<n>}; never reused. */
  String id();

  RuleCategory category();

  /** The default severity in the {@code recommended} rule set; never {@code FATAL}. */
  Severity severity();

  /**
   * The FHIR releases the rule applies to. The default is the releases of catalog v1, R4, R4B and
   * R5 ({@link ProfileRule#V1_RELEASES}), written out rather than "every {@link FhirRelease}": a
   * rule for STU3 or 1.4.0 declares its releases, and a release added to {@code FhirRelease} joins
   * no rule by itself.
   */
  FhirRelease[] versions() default {FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5};

  /** One line, no trailing period. */
  String summary();

  /**
   * Where the rule comes from; {@code core} keeps the rules whose basis includes {@link
   * RuleBasis#SPEC}.
   */
  RuleBasis[] basis();

  /** The TaskCheck version that introduced the rule; by default the catalog's first release. */
  String since() default FIRST_RELEASE;

  /**
   * The rule sets that run this rule when it belongs to an implementation guide's set only ({@code
   * cow-1} runs in {@link RuleSet#COW}); empty (the default) when every set that keeps it runs it.
   */
  RuleSet[] ruleSets() default {};

  /**
   * The key of the base-specification invariant this rule replaces ({@code inv-1} for date-1), or
   * empty: the structure stage's findings of that invariant are dropped where {@link #replacedIn}
   * says, since the rule checks the same thing correctly. At most one rule replaces an invariant.
   */
  String replaces() default "";

  /**
   * Where the findings of the invariant this rule {@link #replaces} are dropped; unused without it.
   */
  ReplacedIn replacedIn() default ReplacedIn.TASK;

  /**
   * True when the rule does not apply to an entered-in-error Task: its findings on such a Task are
   * dropped (status-10 says the Task is not to be treated as valid). The progress rules declare it.
   */
  boolean skipsEnteredInError() default false;

  /**
   * A plug-in rule's documentation URL; empty for a built-in rule, whose page is {@code
   * docs/rules/<id>.md}.
   */
  String documentation() default "";
}
