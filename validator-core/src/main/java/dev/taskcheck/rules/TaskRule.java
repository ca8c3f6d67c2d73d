package dev.taskcheck.rules;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The catalog entry of a rule, declared on its class: the one place a rule's metadata lives. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskRule {

  /** The stable id, {@code <category>-<n>}; never reused. */
  String id();

  /** A short UpperCamelCase name. */
  String name();

  RuleCategory category();

  /** The default severity in the {@code recommended} rule set; never {@code FATAL}. */
  Severity severity();

  FhirRelease[] versions();

  /** One line, no trailing period. */
  String summary();

  /** Where the rule comes from; {@code core} keeps the rules whose basis includes {@link RuleBasis#SPEC}. */
  RuleBasis[] basis();

  /** The TaskCheck version that introduced the rule. */
  String since();

  /**
   * The rule sets (codes such as {@code cow}) that run this rule when it belongs to an implementation
   * guide's set only; empty (the default) when every set that keeps it runs it.
   */
  String[] ruleSets() default {};
}
