package dev.taskcheck.engine.fast;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Runs a document through the reference engine and the fast engine and compares, result by result,
 * the findings as (ruleId, severity, expression, line, column) — what issue 12 calls agreement. A
 * document the fast engine does not cover is counted as such (under {@code auto} it goes to the
 * reference engine, so it cannot disagree).
 */
final class Differential {

  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  /** The outcome for one document. */
  record Outcome(
      String name,
      boolean covered,
      String reason,
      TreeSet<String> missing,
      TreeSet<String> extra,
      @Nullable String allowedBy) {
    boolean agrees() {
      return missing.isEmpty() && extra.isEmpty();
    }

    /** A difference the allow-list accepts (testdata/differential/allow-list.tsv). */
    boolean allowed() {
      return !agrees() && allowedBy != null;
    }
  }

  private final AllowList allowList = AllowList.load();

  private final Map<FhirRelease, TaskCheck> reference = new EnumMap<>(FhirRelease.class);
  private final Map<FhirRelease, TaskCheck> fast = new EnumMap<>(FhirRelease.class);
  private final TaskCheck referenceAuto = build("reference", null);
  private final TaskCheck fastAuto = build("fast", null);

  private static TaskCheck build(String engine, FhirRelease release) {
    return TaskCheck.builder().engine(engine).fhirVersion(release).now(NOW).threads(1).build();
  }

  /**
   * Compares the two engines on a document's text, with its release fixed (or detected, when null).
   */
  Outcome compare(String name, String text, FhirRelease release) {
    TaskCheck r =
        release == null
            ? referenceAuto
            : reference.computeIfAbsent(release, k -> build("reference", k));
    TaskCheck f = release == null ? fastAuto : fast.computeIfAbsent(release, k -> build("fast", k));
    List<Result> expected = r.validateText(text, name);
    List<Result> actual = f.validateText(text, name);
    String reason = notCovered(actual);
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<String> extra = new TreeSet<>();
    if (reason == null) {
      SortedSet<String> e = keys(expected);
      SortedSet<String> a = keys(actual);
      missing.addAll(e);
      missing.removeAll(a);
      extra.addAll(a);
      extra.removeAll(e);
    }
    AllowList.Entry allowing =
        reason == null && !(missing.isEmpty() && extra.isEmpty())
            ? allowList.allowing(name, missing, extra)
            : null;
    return new Outcome(
        name,
        reason == null,
        reason == null ? "" : reason,
        missing,
        extra,
        allowing == null ? null : allowing.caseName());
  }

  static String notCovered(List<Result> results) {
    for (Result res : results) {
      for (Issue i : res.issues()) {
        if ("taskcheck-fast-not-covered".equals(i.messageId())) {
          String m = i.message();
          int open = m.indexOf('(');
          int close = m.indexOf("), so");
          return open >= 0 && close > open ? m.substring(open + 1, close) : m;
        }
      }
    }
    return null;
  }

  /**
   * The findings of one document as (result index, ruleId, severity, expression, line, column), the
   * tuple the engines are compared on.
   */
  static SortedSet<String> keys(List<Result> results) {
    TreeSet<String> out = new TreeSet<>();
    for (int n = 0; n < results.size(); n++) {
      Result res = results.get(n);
      for (Issue i : res.issues()) {
        out.add(
            n
                + " "
                + i.ruleId()
                + " "
                + i.severity().code()
                + " "
                + i.expression()
                + " @"
                + i.line()
                + ":"
                + i.column());
      }
    }
    return out;
  }

  /** Writes a report of the tests ({@link #summary}) to {@code target/<name>}. */
  static void report(String name, String text) throws IOException {
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /** A summary of many outcomes: counts, the reasons for not covering, and the differences. */
  static String summary(List<Outcome> outcomes) {
    int covered = 0;
    int agreed = 0;
    int allowed = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> allowedBy = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.covered()) {
        reasons.merge(o.reason().replaceAll("[0-9]+", "N"), 1, Integer::sum);
        continue;
      }
      covered++;
      if (o.agrees()) {
        agreed++;
      } else if (o.allowed()) {
        allowed++;
        allowedBy.merge(String.valueOf(o.allowedBy()), 1, Integer::sum);
      } else {
        differences.add(o.name() + "\n   missing " + o.missing() + "\n   extra   " + o.extra());
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("documents ")
        .append(outcomes.size())
        .append(", covered ")
        .append(covered)
        .append(", agreed ")
        .append(agreed)
        .append(", allowed differences ")
        .append(allowed)
        .append("\n\nnot covered:\n");
    reasons.forEach((k, v) -> b.append(String.format("%6d %s%n", v, k)));
    b.append("\nallowed, by allow-list case:\n");
    allowedBy.forEach((k, v) -> b.append(String.format("%6d %s%n", v, k)));
    b.append("\ndifferences:\n");
    differences.forEach(d -> b.append(d).append('\n'));
    return b.toString();
  }
}
