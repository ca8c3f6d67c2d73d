package dev.taskcheck.fhir;

import dev.taskcheck.model.FhirRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Task state machine: which statuses a workflow uses, which a Task may start in, which are
 * terminal, and which status changes are allowed. It is data, read from a table file (see {@code
 * docs/state-machines.md}): TaskCheck ships one per FHIR version and rule set, and a user can bring
 * their own.
 *
 * @param name the table's name ({@code base-r4}, {@code cow-r4}, or a user's)
 * @param origin where it was read from (a class-path resource or a file), for messages
 * @param fhirVersions the releases it applies to
 * @param statuses the statuses the workflow uses
 * @param initial the statuses a Task's first version may have (transition-13)
 * @param terminal the statuses no further change should leave (transition-2, transition-3)
 * @param resumeFrom statuses from which a Task may return to the status it had before entering them
 *     ({@code on-hold}: "resumed in the state it was in")
 * @param edges allowed changes: for each status, the statuses it may change to and the kind of the
 *     edge
 */
public record StateMachine(
    String name,
    String origin,
    List<FhirRelease> fhirVersions,
    Set<TaskStatus> statuses,
    Set<TaskStatus> initial,
    Set<TaskStatus> terminal,
    Set<TaskStatus> resumeFrom,
    Map<TaskStatus, Map<TaskStatus, EdgeKind>> edges) {

  /** How an allowed change is backed. */
  public enum EdgeKind {
    /** An edge of the specification's (or IG's) state diagram. */
    DIAGRAM,
    /**
     * Allowed only by narrative text; transition-1 reports it as a warning (an error in strict).
     */
    NARRATIVE;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public StateMachine {
    Objects.requireNonNull(name);
    Objects.requireNonNull(origin);
    fhirVersions = List.copyOf(fhirVersions);
    statuses = frozen(statuses);
    initial = frozen(initial);
    terminal = frozen(terminal);
    resumeFrom = frozen(resumeFrom);
    Map<TaskStatus, Map<TaskStatus, EdgeKind>> copy = new EnumMap<>(TaskStatus.class);
    for (Map.Entry<TaskStatus, Map<TaskStatus, EdgeKind>> e : edges.entrySet()) {
      Map<TaskStatus, EdgeKind> to = new EnumMap<>(TaskStatus.class);
      to.putAll(e.getValue());
      copy.put(e.getKey(), Collections.unmodifiableMap(to));
    }
    edges = Collections.unmodifiableMap(copy);
  }

  private static Set<TaskStatus> frozen(Set<TaskStatus> set) {
    return set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set));
  }

  /** The kind of the edge {@code from -> to}, or null when the table does not allow it. */
  public @Nullable EdgeKind edge(TaskStatus from, TaskStatus to) {
    Map<TaskStatus, EdgeKind> out = edges.get(from);
    return out == null ? null : out.get(to);
  }

  /**
   * How this table judges a status change {@code from -> to} of a Task that was in {@code before}
   * before it entered {@code from} (null when unknown): {@link EdgeKind#DIAGRAM} for a return from
   * a {@code resumeFrom} status to the status before it, else the kind of the edge, null when the
   * table does not allow the change.
   */
  public @Nullable EdgeKind change(TaskStatus from, TaskStatus to, @Nullable TaskStatus before) {
    if (resumes(from) && to == before) {
      return EdgeKind.DIAGRAM;
    }
    return edge(from, to);
  }

  public boolean uses(TaskStatus status) {
    return statuses.contains(status);
  }

  public boolean isTerminal(TaskStatus status) {
    return terminal.contains(status);
  }

  public boolean isInitial(TaskStatus status) {
    return initial.contains(status);
  }

  public boolean resumes(TaskStatus status) {
    return resumeFrom.contains(status);
  }

  public boolean appliesTo(FhirRelease release) {
    return fhirVersions.contains(release);
  }

  /**
   * How long a Task whose latest version is {@code latest} has gone unmodified when that is
   * certainly longer than {@code threshold} and the Task is not in a terminal status of this
   * machine; null otherwise. A Task with no usable timestamp, or no status, is never stuck.
   */
  public @Nullable Duration stuckFor(
      TaskVersion latest, Instant now, @Nullable Duration threshold) {
    if (threshold == null || latest.status() == null || isTerminal(latest.status())) {
      return null;
    }
    FhirTemporal t = latest.timestamp();
    if (t == null) {
      return null;
    }
    // certain: even the latest instant the value can denote is longer ago than the threshold
    if (!t.high().plus(threshold).isBefore(now)) {
      return null;
    }
    return Duration.between(t.high(), now);
  }
}
