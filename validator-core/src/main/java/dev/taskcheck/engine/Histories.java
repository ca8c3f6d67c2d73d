package dev.taskcheck.engine;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns versions into histories: groups the versions of one Task (same id, or a shared identifier
 * when the ids differ) and orders them oldest first by versionId, then lastModified, then
 * meta.lastUpdated, then input order. A version repeated with the same content is kept once; the
 * same versionId with different content is a conflict (transition-14). The sort is stable: versions
 * that tie on all three keep the order in which they were read.
 */
public final class Histories {

  private static final Comparator<TaskVersion> ORDER =
      Comparator.comparing(
              TaskVersion::versionNumber, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              v -> low(v.lastModified()), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              v -> low(v.lastUpdated()), Comparator.nullsLast(Comparator.naturalOrder()));

  private Histories() {}

  /**
   * The versions grouped by Task, each group in input order, groups in the order of their first
   * version.
   */
  public static List<List<TaskVersion>> group(List<TaskVersion> versions) {
    int n = versions.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < n; i++) {
      TaskVersion v = versions.get(i);
      List<String> keys = new ArrayList<>();
      if (v.id() != null) {
        keys.add("id " + v.id());
      }
      for (String identifier : v.identifiers()) {
        keys.add("identifier " + identifier);
      }
      for (String key : keys) {
        Integer other = owner.putIfAbsent(key, i);
        if (other != null) {
          union(parent, other, i);
        }
      }
    }
    Map<Integer, List<TaskVersion>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(versions.get(i));
    }
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      // the earlier version's root wins, so groups keep the order of their first version
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }

  /** The versions of one Task as a history, ordered oldest first. */
  public static TaskHistory ordered(List<TaskVersion> group) {
    List<TaskVersion> sorted = new ArrayList<>(group);
    sorted.sort(ORDER);
    List<TaskVersion> kept = new ArrayList<>();
    List<TaskHistory.Conflict> conflicts = new ArrayList<>();
    Map<String, TaskVersion> byVersionId = new HashMap<>();
    for (TaskVersion v : sorted) {
      TaskVersion same = v.versionId() == null ? null : byVersionId.putIfAbsent(v.versionId(), v);
      if (same != null) {
        if (same.content().equals(v.content())) {
          continue; // the same version read twice
        }
        conflicts.add(new TaskHistory.Conflict(same, v));
      }
      kept.add(v);
    }
    return new TaskHistory(kept, TaskHistory.Kind.HISTORY, orderedBy(kept), conflicts);
  }

  /** Versions in the order a caller gave them (a pair in a server, {@code taskcheck diff}). */
  public static TaskHistory given(List<TaskVersion> versions, TaskHistory.Kind kind) {
    List<TaskHistory.Conflict> conflicts = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      for (int j = 0; j < i; j++) {
        TaskVersion a = versions.get(j);
        TaskVersion b = versions.get(i);
        if (a.versionId() != null
            && a.versionId().equals(b.versionId())
            && !a.content().equals(b.content())) {
          conflicts.add(new TaskHistory.Conflict(a, b));
        }
      }
    }
    return new TaskHistory(versions, kind, "given", conflicts);
  }

  private static String orderedBy(List<TaskVersion> versions) {
    if (versions.stream().allMatch(v -> v.versionNumber() != null)) {
      return "versionId";
    }
    if (versions.stream().allMatch(v -> low(v.lastModified()) != null)) {
      return "lastModified";
    }
    if (versions.stream().allMatch(v -> low(v.lastUpdated()) != null)) {
      return "lastUpdated";
    }
    return "input order";
  }

  private static @Nullable Instant low(@Nullable String value) {
    return value == null ? null : FhirTemporal.parse(value).map(FhirTemporal::low).orElse(null);
  }
}
