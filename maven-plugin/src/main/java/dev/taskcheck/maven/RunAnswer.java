package dev.taskcheck.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the isolated engine answers, carried across the class loader boundary as a map of JDK types.
 *
 * @param setupError what to fix when the run could not start or its reports could not be written;
 *     the other fields are then empty
 * @param counts findings per severity code, and {@code suppressed}
 * @param failing how many findings are at or above the fail level
 * @param reports the report files written
 * @param findings the first findings in input order, each {@code [severity, file:line:col, rule id,
 *     expression, message, fails]}
 */
record RunAnswer(
    @Nullable String setupError,
    Map<String, Long> counts,
    long inputs,
    long documents,
    long resources,
    long failing,
    List<String> reports,
    List<List<String>> findings,
    long elapsedMillis) {

  static RunAnswer setupError(@Nullable String message) {
    return new RunAnswer(
        message == null ? "unknown setup error" : message,
        Map.of(),
        0,
        0,
        0,
        0,
        List.of(),
        List.of(),
        0);
  }

  long count(String severity) {
    return counts.getOrDefault(severity, 0L);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new HashMap<>();
    m.put("setupError", setupError);
    m.put("counts", Map.copyOf(counts));
    m.put("inputs", inputs);
    m.put("documents", documents);
    m.put("resources", resources);
    m.put("failing", failing);
    m.put("reports", List.copyOf(reports));
    m.put("findings", List.copyOf(findings));
    m.put("elapsedMillis", elapsedMillis);
    return m;
  }

  @SuppressWarnings("unchecked")
  static RunAnswer fromMap(Map<String, Object> m) {
    return new RunAnswer(
        (String) m.get("setupError"),
        (Map<String, Long>) CarriedMap.required(m, "counts"),
        (Long) CarriedMap.required(m, "inputs"),
        (Long) CarriedMap.required(m, "documents"),
        (Long) CarriedMap.required(m, "resources"),
        (Long) CarriedMap.required(m, "failing"),
        (List<String>) CarriedMap.required(m, "reports"),
        (List<List<String>>) CarriedMap.required(m, "findings"),
        (Long) CarriedMap.required(m, "elapsedMillis"));
  }
}
