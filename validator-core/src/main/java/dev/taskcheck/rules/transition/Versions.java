package dev.taskcheck.rules.transition;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What several transition rules read from consecutive versions. */
final class Versions {

  private Versions() {}

  /** True when both versions have a status and they differ. */
  static boolean statusChanged(TaskVersion prev, TaskVersion cur) {
    return prev.status() != null && cur.status() != null && prev.status() != cur.status();
  }

  /**
   * True when either version is entered-in-error: its content is not to be trusted, so content
   * rules skip the pair.
   */
  static boolean enteredInError(TaskVersion prev, TaskVersion cur) {
    return prev.status() == TaskStatus.ENTERED_IN_ERROR
        || cur.status() == TaskStatus.ENTERED_IN_ERROR;
  }

  /**
   * Two consecutive versions, {@code versions[index - 1]} ({@code prev}) and {@code
   * versions[index]} ({@code cur}).
   */
  record Step(int index, TaskVersion prev, TaskVersion cur) {}

  /** Every pair of consecutive versions, oldest first. */
  static List<Step> steps(List<TaskVersion> versions) {
    List<Step> out = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      out.add(new Step(i, versions.get(i - 1), versions.get(i)));
    }
    return out;
  }

  /**
   * A status change between consecutive versions: {@code prev} in status {@code from}, {@code cur}
   * in {@code to}.
   */
  record StatusChange(
      int index, TaskVersion prev, TaskVersion cur, TaskStatus from, TaskStatus to) {}

  /**
   * Every status change of the history, oldest first: consecutive versions that both have a status
   * and differ.
   */
  static List<StatusChange> statusChanges(List<TaskVersion> versions) {
    List<StatusChange> out = new ArrayList<>();
    for (Step s : steps(versions)) {
      TaskStatus from = s.prev().status();
      TaskStatus to = s.cur().status();
      if (from != null && to != null && from != to) {
        out.add(new StatusChange(s.index(), s.prev(), s.cur(), from, to));
      }
    }
    return out;
  }

  /** True when the two values are both present and differ as written. */
  static boolean changed(@Nullable String before, @Nullable String after) {
    return before != null && !Objects.equals(before, after);
  }

  static @Nullable FhirTemporal time(@Nullable String value) {
    return value == null ? null : FhirTemporal.parse(value).orElse(null);
  }

  /**
   * The element a version's timestamp came from: {@code Task.lastModified}, else {@code
   * Task.meta.lastUpdated}.
   */
  static String timestampExpression(TaskVersion v) {
    return v.lastModified() != null && time(v.lastModified()) != null
        ? "Task.lastModified"
        : "Task.meta.lastUpdated";
  }

  /**
   * A value that changed once set: the version that changed it, the value before, and after
   * ("(removed)").
   */
  record Change(TaskVersion at, String before, String after) {}

  /**
   * Where a once-set date or time changes or disappears between consecutive versions (pairs with an
   * entered-in-error version are skipped: their content is not to be trusted). Two values that name
   * the same instant in other words ({@code 09:00:00Z} and {@code 10:00:00.000+01:00}, see {@link
   * FhirTemporal#sameInstant}) are no change.
   */
  static List<Change> timeChangesOnceSet(
      List<TaskVersion> versions, Function<TaskVersion, @Nullable String> value) {
    List<Change> out = new ArrayList<>();
    for (Step s : steps(versions)) {
      String before = value.apply(s.prev());
      String after = value.apply(s.cur());
      if (!enteredInError(s.prev(), s.cur())
          && changed(before, after)
          && !sameInstant(before, after)) {
        out.add(new Change(s.cur(), before, after == null ? "(removed)" : after));
      }
    }
    return out;
  }

  private static boolean sameInstant(@Nullable String before, @Nullable String after) {
    FhirTemporal b = time(before);
    FhirTemporal a = time(after);
    return b != null && a != null && b.sameInstant(a);
  }
}
