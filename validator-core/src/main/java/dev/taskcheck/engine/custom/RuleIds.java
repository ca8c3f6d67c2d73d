package dev.taskcheck.engine.custom;

import dev.taskcheck.rules.RuleCategory;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a custom rule's id may be: {@code <prefix>-<n>}, its prefix never the catalog's. */
final class RuleIds {

  /** {@code acme-1}, {@code dsf-task-12}: lower case, a prefix and a number from 1. */
  static final Pattern ID = Pattern.compile("([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-([1-9][0-9]*)");

  private RuleIds() {}

  /** The id's prefix ({@code acme} for {@code acme-1}). */
  static String prefix(String id) {
    int dash = id.lastIndexOf('-');
    return dash > 0 ? id.substring(0, dash) : id;
  }

  /**
   * Why {@code id} cannot be a custom rule's id, or null when it can: its form, or a prefix that
   * belongs to the catalog ({@code status}, ..., {@code structure}) or to FHIR's own invariants.
   */
  static @org.jspecify.annotations.Nullable String problem(String id) {
    if (!ID.matcher(id).matches()) {
      return "'"
          + id
          + "' is not a rule id: lower case <prefix>-<number>, such as acme-1 or acme-task-2";
    }
    String first = prefix(id).split("-", -1)[0];
    for (RuleCategory c : RuleCategory.values()) {
      if (c.code().equals(first)) {
        return "the id "
            + id
            + " uses the prefix '"
            + first
            + "' of TaskCheck's catalog; give your rules a prefix of your own (such as your"
            + " organisation's)";
      }
    }
    if (RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
      return "the id "
          + id
          + " uses the prefix '"
          + first
          + "', which TaskCheck or FHIR's own invariants use; give your rules a prefix of your own";
    }
    return null;
  }

  /** Prefixes of structure ids and of the base FHIR invariants the engines report under. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "structure",
          "parse",
          "input",
          "internal",
          "limit",
          "ele",
          "dom",
          "ext",
          "ref",
          "rat",
          "tsk",
          "inv",
          "per",
          "qty",
          "ide",
          "cpt",
          "txt",
          "sqty",
          "bdl",
          "sdf",
          "opd",
          "cnl");
}
