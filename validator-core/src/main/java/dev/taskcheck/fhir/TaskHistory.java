package dev.taskcheck.fhir;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The versions of one Task in the order the transition rules read them (oldest first), and what
 * kind of history they are.
 *
 * @param versions the distinct versions, oldest first (a repeated identical version is kept once)
 * @param kind how much of the Task's life the versions cover
 * @param orderedBy what decided the order: {@code "versionId"}, {@code "lastModified"}, {@code
 *     "lastUpdated"}, or {@code "given"} (a pair or {@code diff}, in the order the caller gave)
 * @param conflicts pairs of versions with the same versionId and different content (transition-14)
 */
public record TaskHistory(
    List<TaskVersion> versions, Kind kind, String orderedBy, List<Conflict> conflicts) {

  /** How much of a Task's life a history covers, which decides the rules that apply. */
  public enum Kind {
    /** A history Bundle or a group of versions: every rule, transition-13 on the first version. */
    HISTORY,
    /**
     * Two versions from a caller (an update in a server): the pair rules, not transition-13 or 15.
     */
    PAIR,
    /** A Task on its own (no history): only transition-15 (stuck). */
    SINGLE
  }

  /** Two versions that claim the same versionId but differ. */
  public record Conflict(TaskVersion first, TaskVersion second) {}

  public TaskHistory {
    versions = List.copyOf(versions);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(orderedBy);
    conflicts = List.copyOf(conflicts);
  }

  /** The latest version. */
  public TaskVersion latest() {
    return versions.get(versions.size() - 1);
  }

  /**
   * True when the history starts at the Task's first version, so transition-13 applies: a history
   * (not a pair or a single Task) whose first version has no versionId, or versionId 1, or one that
   * is not a number.
   */
  public boolean startsAtCreation() {
    if (kind != Kind.HISTORY || versions.isEmpty()) {
      return false;
    }
    Long first = versions.get(0).versionNumber();
    return first == null || first <= 1;
  }

  /**
   * The status the Task had before it entered the status of {@code versions[index - 1]} (for a Task
   * that leaves on-hold, the status it was in before the hold), or null when the versions do not
   * show it.
   */
  public static @Nullable TaskStatus statusBefore(List<TaskVersion> versions, int index) {
    TaskStatus held = versions.get(index - 1).status();
    for (int i = index - 2; i >= 0; i--) {
      TaskStatus s = versions.get(i).status();
      if (s != held) {
        return s;
      }
    }
    return null;
  }
}
